using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// The citizens who just wrote (or opened web chat): their held notices become pending again (SPEC §4: delivered at the next chance), off
/// the turn's path and many citizens per statement. While one release runs, the next citizens gather for the one after,
/// so a quiet service releases at once and a busy one with one statement per batch instead of one per message. A
/// release that fails (the database restarting) is tried again with what gathered meanwhile.
/// </summary>
public sealed partial class HeldNoticeReleases(IOutboxStore outbox, OutboxSignal signal, TimeProvider clock, ILogger<HeldNoticeReleases> logger)
    : BackgroundService
{
    public const int MaxBatch = 500;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan LastReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<CitizenAddress> requests = Channel.CreateUnbounded<CitizenAddress>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for <paramref name="citizen"/>'s held notices to be released; returns at once.</summary>
    public void Request(CitizenAddress citizen) => requests.Writer.TryWrite(citizen);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new HashSet<CitizenAddress>();
        try
        {
            while (true)
            {
                if (batch.Count == 0 && !await requests.Reader.WaitToReadAsync(stoppingToken))
                {
                    return;
                }

                Gather(batch);
                if (await TryReleaseAsync(batch, stoppingToken))
                {
                    batch.Clear();
                }
                else
                {
                    await Task.Delay(RetryDelay, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: one last release for the citizens already asked for
            Gather(batch);
            using var last = new CancellationTokenSource(LastReleaseTimeout);
            await TryReleaseAsync(batch, last.Token);
        }
    }

    private void Gather(HashSet<CitizenAddress> batch)
    {
        while (batch.Count < MaxBatch && requests.Reader.TryRead(out var citizen))
        {
            batch.Add(citizen);
        }
    }

    private async Task<bool> TryReleaseAsync(HashSet<CitizenAddress> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        try
        {
            var released = await outbox.ReleaseHeldAsync(batch, clock.GetUtcNow(), cancellationToken);
            if (released > 0)
            {
                LogReleased(logger, released, batch.Count);
                signal.Notify();
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, batch.Count, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} held notice(s) released: their citizens wrote again ({Citizens} citizen(s) asked for)")]
    private static partial void LogReleased(ILogger logger, int count, int citizens);

    [LoggerMessage(LogLevel.Warning, "Releasing held notices for {Citizens} citizen(s) failed ({Error}); trying again")]
    private static partial void LogFailed(ILogger logger, int citizens, string error);
}
