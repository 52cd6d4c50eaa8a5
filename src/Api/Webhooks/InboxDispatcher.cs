using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Keeps up to <see cref="InboxOptions.MaxConcurrency"/> inbox items in flight: claims more (at most
/// <see cref="InboxOptions.BatchSize"/> per round trip) as soon as one finishes (its conversation's next item may be due
/// now) or a webhook signals new work, rather than waiting for the slowest turn of a batch. The store hands out only a
/// conversation's oldest unfinished item, and <see cref="InboxWorkSet"/> keeps one conversation's items from overlapping
/// here, so each citizen is still answered in order.
/// </summary>
public sealed partial class InboxDispatcher(
    IInboxStore inbox, InboxSignal signal, TimeProvider clock, InboxOptions settings, ILogger logger, TurnScheduler? turns = null)
{
    /// <summary>Claims and hands items to <paramref name="handle"/> until stopped, then waits for the items in flight.</summary>
    public async Task RunAsync(Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        var work = new InboxWorkSet(signal.Notify, turns is null ? null : turns.Run);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wanted = Math.Min(settings.MaxConcurrency - work.Count, settings.BatchSize);
                var more = wanted > 0 && await ClaimAsync(work, wanted, handle, stoppingToken);
                if (more && work.Count < settings.MaxConcurrency)
                {
                    continue; // a full claim: more may be due already
                }

                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            await work.DrainAsync();
        }
    }

    /// <summary>Claims up to <paramref name="wanted"/> items and starts them; true when the store had that many due.</summary>
    private async Task<bool> ClaimAsync(InboxWorkSet work, int wanted, Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        IReadOnlyList<InboxItem> claimed;
        try
        {
            claimed = await inbox.ClaimAsync(wanted, settings.Lease, clock.GetUtcNow(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogClaimFailed(logger, ex.GetType().Name);
            return false;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }

        foreach (var item in claimed)
        {
            if (!work.TryStart(item, next => HandleGuardedAsync(next, handle, stoppingToken)))
            {
                LogStillRunning(logger, item.Id, item.Source);
            }
        }

        return claimed.Count == wanted;
    }

    private async Task HandleGuardedAsync(InboxItem item, Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        try
        {
            await handle(item, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Even releasing the item failed (the store is down): its lease makes it due again.
            LogItemAbandoned(logger, item.Id, item.Source, ex.GetType().Name);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the lease makes the item due again for the next instance
        }
    }

    [LoggerMessage(LogLevel.Error, "Inbox claim failed: {Failure}")]
    private static partial void LogClaimFailed(ILogger logger, string failure);

    [LoggerMessage(LogLevel.Error, "Inbox item {Id} from {Source} failed and could not be released ({Failure}); due again when its lease ends")]
    private static partial void LogItemAbandoned(ILogger logger, long id, string source, string failure);

    [LoggerMessage(LogLevel.Warning, "Inbox item {Id} from {Source} was handed out again while still running here (its lease ended); not started twice")]
    private static partial void LogStillRunning(ILogger logger, long id, string source);
}
