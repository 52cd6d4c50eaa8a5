using System.Globalization;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>Where a process's resident memory is, by mapping (<c>/proc/pid/smaps</c>): the biggest ones to stderr.</summary>
public static class MemoryMap
{
    public static void Print(int pid, int top = 25)
    {
        var byMapping = new Dictionary<string, long>();
        var current = "[anon]";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
            {
                current = parts.Length >= 6 ? Path.GetFileName(parts[5]) is { Length: > 0 } name ? name : parts[5] : "[anon]";
            }
            else if (parts is ["Rss:", var kb, "kB"])
            {
                byMapping[current] = byMapping.GetValueOrDefault(current) + long.Parse(kb, CultureInfo.InvariantCulture);
            }
        }

        foreach (var (mapping, kb) in byMapping.OrderByDescending(p => p.Value).Take(top))
        {
            Console.Error.WriteLine($"[smaps] {kb / 1024.0,8:F1} MB  {mapping}");
        }
    }
}
