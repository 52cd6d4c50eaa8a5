namespace PhanHoi.Bot.Bench.Load;

/// <summary>The driver's own collections so far: it shares the cores with the service, and its pauses count as turn latency.</summary>
public readonly record struct DriverGc(int Collections, int Full, TimeSpan Paused)
{
    public static DriverGc Now() => new(GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static DriverGc operator -(DriverGc later, DriverGc earlier) =>
        new(later.Collections - earlier.Collections, later.Full - earlier.Full, later.Paused - earlier.Paused);
}
