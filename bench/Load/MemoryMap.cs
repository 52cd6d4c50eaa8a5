using System.Globalization;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>Where a process's resident memory is, by mapping (<c>/proc/pid/smaps</c>): the biggest ones to stderr.</summary>
public static class MemoryMap
{
    public static void Print(int pid, int top = 25)
    {
        var byMapping = new Dictionary<string, long>();
        var anonymous = new List<(string Range, long Kb)>();
        var current = "[anon]";
        var range = string.Empty;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
            {
                current = parts.Length >= 6 ? Path.GetFileName(parts[5]) is { Length: > 0 } name ? name : parts[5] : "[anon]";
                range = parts[0] + " " + parts[1];
            }
            else if (parts is ["Rss:", var kb, "kB"])
            {
                var size = long.Parse(kb, CultureInfo.InvariantCulture);
                byMapping[current] = byMapping.GetValueOrDefault(current) + size;
                if (current == "[anon]")
                {
                    anonymous.Add((range, size));
                }
            }
        }

        // the biggest single anonymous mappings: GC regions, JIT code heaps, loader heaps, native arenas
        foreach (var (where, kb) in anonymous.OrderByDescending(p => p.Kb).Take(12))
        {
            Console.Error.WriteLine($"[smaps-anon] {kb / 1024.0,8:F1} MB  {where}");
        }

        // by permissions: rw-p is data (GC heap, loader heaps, malloc), r-x/rwx is JIT-compiled code
        foreach (var group in anonymous.GroupBy(p => p.Range[(p.Range.IndexOf(' ', StringComparison.Ordinal) + 1)..]).OrderByDescending(g => g.Sum(p => p.Kb)))
        {
            Console.Error.WriteLine($"[smaps-anon] {group.Sum(p => p.Kb) / 1024.0,8:F1} MB  {group.Key} ({group.Count()} mappings)");
        }

        foreach (var (mapping, kb) in byMapping.OrderByDescending(p => p.Value).Take(top))
        {
            Console.Error.WriteLine($"[smaps] {kb / 1024.0,8:F1} MB  {mapping}");
        }
    }
}
