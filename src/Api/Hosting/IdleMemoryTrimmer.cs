namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// Gives memory back once the service goes quiet. Under load the GC keeps its allocation budget and emptied regions
/// committed (cheap to reuse); when a whole check interval passes with almost no allocation after a busy one, one
/// aggressive, compacting full collection decommits what the live objects no longer need, and the C allocator's
/// free pages go back too. Nothing happens while busy,
/// and at most once per quiet period.
/// </summary>
public sealed partial class IdleMemoryTrimmer(IConfiguration configuration, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    /// <summary>Less than this allocated during a whole interval counts as quiet.</summary>
    private const long QuietBytes = 2 * 1024 * 1024;

    /// <summary>At least this allocated since the last trim is worth a trim.</summary>
    private const long WorthTrimmingBytes = 32 * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Memory:IdleTrimSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        var previous = GC.GetTotalAllocatedBytes();
        var atLastTrim = previous;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = GC.GetTotalAllocatedBytes();
            if (now - previous < QuietBytes && now - atLastTrim >= WorthTrimmingBytes)
            {
                var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                var after = GC.GetGCMemoryInfo();
                Trimmed(before / (1024 * 1024), after.TotalCommittedBytes / (1024 * 1024), after.HeapSizeBytes / (1024 * 1024));
                now = GC.GetTotalAllocatedBytes();
                atLastTrim = now;
            }

            previous = now;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: GC heap trimmed from {BeforeMb} MB to {AfterMb} MB committed ({HeapMb} MB in use)")]
    private partial void Trimmed(long beforeMb, long afterMb, long heapMb);
}
