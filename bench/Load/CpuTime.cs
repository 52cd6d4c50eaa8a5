using System.Globalization;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// CPU time so far, from <c>/proc</c>: of the service (its process and every process under it, so a node cluster's
/// workers count for the peer) and of the whole machine (the service, PostgreSQL, Redis and this driver together).
/// Divided by the turns of a window it says what a turn costs. The same build's service figure moving between two runs
/// says the machine's speed moved, which dialogs/s alone cannot tell from a change in the service.
/// </summary>
public readonly record struct CpuTime(TimeSpan Service, TimeSpan Machine)
{
    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc/*/stat and /proc/stat on Linux

    public static CpuTime Now(int servicePid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return default;
        }

        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // user nice system idle iowait irq softirq steal: busy is the work done here, not idle, iowait or what the host took (steal)
        var busy = new[] { 1, 2, 3, 6, 7 }.Sum(i => long.Parse(machine[i], CultureInfo.InvariantCulture));
        return new CpuTime(FromTicks(TreeTicks(servicePid)), FromTicks(busy));
    }

    public static CpuTime operator -(CpuTime later, CpuTime earlier) =>
        new(later.Service - earlier.Service, later.Machine - earlier.Machine);

    /// <summary>Microseconds of CPU per turn: the service's and the machine's.</summary>
    public (double Service, double Machine) PerTurn(long turns) => turns <= 0
        ? (0, 0)
        : (Math.Round(Service.TotalMicroseconds / turns), Math.Round(Machine.TotalMicroseconds / turns));

    private static TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    /// <summary>utime + stime of <paramref name="root"/> and its descendants alive now.</summary>
    private static long TreeTicks(int root)
    {
        var processes = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // the command name (field 2) may hold spaces; the fields after its closing parenthesis do not
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // gone while listed
            }
        }

        var tree = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var p in processes)
            {
                grew |= tree.Contains(p.Parent) && tree.Add(p.Pid);
            }
        }

        return processes.Where(p => tree.Contains(p.Pid)).Sum(p => p.Ticks);
    }
}
