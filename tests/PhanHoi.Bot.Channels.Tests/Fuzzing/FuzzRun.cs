using System.Diagnostics;

namespace PhanHoi.Bot.Fuzzing;

/// <summary>
/// Runs a check over many generated bodies, each under its own time limit (a hang is a failure, not a stuck
/// build), and collects what went wrong with the seed and index that reproduce it.
/// </summary>
public static class FuzzRun
{
    public static async Task<FuzzReport> RunAsync(int seed, int count, IReadOnlyList<string> seeds, Func<byte[], Task> check, TimeSpan? perInput = null)
    {
        // PHANHOI_FUZZ_SEED explores other inputs locally (added to each test's fixed seed); CI runs the fixed ones
        if (int.TryParse(Environment.GetEnvironmentVariable("PHANHOI_FUZZ_SEED"), out var extra))
        {
            seed += extra;
        }

        var mutator = new JsonMutator(seed);
        var limit = perInput ?? TimeSpan.FromSeconds(5);
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var body = mutator.Next(seeds);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.Run(() => check(body)).WaitAsync(limit);
            }
            catch (TimeoutException)
            {
                failures.Add($"seed {seed} #{i}: no answer within {limit.TotalSeconds} s; body starts {Preview(body)}");
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed} #{i}: {e.GetType().Name}: {e.Message}; body starts {Preview(body)}");
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        return new FuzzReport(count, failures, slowest);
    }

    private static string Preview(byte[] body) =>
        System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200))).ReplaceLineEndings(" ");
}

/// <summary>How many bodies were tried, what failed, and the slowest single input.</summary>
public sealed record FuzzReport(int Inputs, IReadOnlyList<string> Failures, TimeSpan Slowest)
{
    public string Describe() => $"{Failures.Count} of {Inputs} failed (slowest {Slowest.TotalMilliseconds:F0} ms):\n" + string.Join("\n", Failures.Take(10));
}
