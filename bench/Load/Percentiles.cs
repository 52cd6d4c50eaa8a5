namespace PhanHoi.Bot.Bench.Load;

/// <summary>Thread-safe latency samples in milliseconds with nearest-rank percentiles.</summary>
public sealed class Percentiles
{
    private readonly List<double> samples = [];
    private readonly Lock gate = new();

    public void Add(TimeSpan elapsed)
    {
        lock (gate)
        {
            samples.Add(elapsed.TotalMilliseconds);
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return samples.Count;
            }
        }
    }

    public double At(double percentile)
    {
        lock (gate)
        {
            if (samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = samples.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
            return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 2);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            samples.Clear();
        }
    }
}
