using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// The citizens who just wrote (or opened web chat): their held notices become pending again (SPEC §4: delivered at the
/// next chance), and on a windowed platform their window's new start is recorded for <see cref="WindowReminders"/>; off
/// the turn's path and many citizens per statement. While one release runs, the next citizens gather for the one after,
/// so a quiet service releases at once and a busy one with one statement per batch instead of one per message. A
/// release that fails (the database restarting) is tried again with what gathered meanwhile.
/// </summary>
public sealed partial class HeldNoticeReleases(
    IOutboxStore outbox,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<HeldNoticeReleases> logger,
    IChatWindowStore? windows = null,
    IOptions<WindowReminderOptions>? reminders = null) : BackgroundService
{
    public const int MaxBatch = 500;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan LastReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<(CitizenAddress Citizen, DateTimeOffset At)> requests =
        Channel.CreateUnbounded<(CitizenAddress, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly HashSet<string> windowed = new(reminders?.Value.RemindedChannels ?? [], StringComparer.OrdinalIgnoreCase);

    private readonly RecentInteractions recent = new(reminders?.Value.RecordEvery ?? TimeSpan.Zero);

    /// <summary>
    /// Asks for <paramref name="citizen"/>'s held notices to be released; returns at once. <paramref name="wroteAt"/> is when
    /// the platform delivered what they wrote (now when not given): their window runs from then.
    /// </summary>
    public void Request(CitizenAddress citizen, DateTimeOffset? wroteAt = null) => requests.Writer.TryWrite((citizen, wroteAt ?? clock.GetUtcNow()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new Batch();
        try
        {
            while (true)
            {
                if (batch.Citizens.Count == 0 && !await requests.Reader.WaitToReadAsync(stoppingToken))
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

    private void Gather(Batch batch)
    {
        while (batch.Citizens.Count < MaxBatch && requests.Reader.TryRead(out var request))
        {
            batch.Add(request.Citizen, request.At);
        }
    }

    private async Task<bool> TryReleaseAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Citizens.Count == 0)
        {
            return true;
        }

        try
        {
            var released = await outbox.ReleaseHeldAsync(batch.Citizens, clock.GetUtcNow(), cancellationToken);
            if (released > 0)
            {
                LogReleased(logger, released, batch.Citizens.Count);
                signal.Notify();
            }

            if (windows is not null && windowed.Count > 0
                && recent.Due(batch.Citizens.Where(c => windowed.Contains(c.Channel)), batch.Earliest) is { Count: > 0 } wrote)
            {
                // The earliest message of the batch stands for all: a window taken to start a little early closes a
                // little early, so a reminder is never timed after the platform already closed it.
                await windows.RecordInteractionsAsync(wrote, batch.Earliest, cancellationToken);
                recent.Recorded(wrote, batch.Earliest);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, batch.Citizens.Count, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} held notice(s) released: their citizens wrote again ({Citizens} citizen(s) asked for)")]
    private static partial void LogReleased(ILogger logger, int count, int citizens);

    [LoggerMessage(LogLevel.Warning, "Releasing held notices for {Citizens} citizen(s) failed ({Error}); trying again")]
    private static partial void LogFailed(ILogger logger, int citizens, string error);

    private sealed class Batch
    {
        public HashSet<CitizenAddress> Citizens { get; } = [];

        public DateTimeOffset Earliest { get; private set; } = DateTimeOffset.MaxValue;

        public void Add(CitizenAddress citizen, DateTimeOffset at)
        {
            Citizens.Add(citizen);
            if (at < Earliest)
            {
                Earliest = at;
            }
        }

        public void Clear()
        {
            Citizens.Clear();
            Earliest = DateTimeOffset.MaxValue;
        }
    }
}
