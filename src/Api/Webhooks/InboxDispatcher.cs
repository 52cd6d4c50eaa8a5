using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Keeps up to <see cref="InboxOptions.MaxConcurrency"/> inbox items in flight: claims more (at most
/// <see cref="InboxOptions.BatchSize"/> per round trip) as soon as one finishes (its conversation's next item may be due
/// now) or a webhook signals new work, rather than waiting for the slowest turn of a batch. An item the store leased to
/// this instance as the webhook stored it is taken over directly (<see cref="TryTakeOver"/>), without a claim. The store
/// hands out only a conversation's oldest unfinished item, and <see cref="InboxWorkSet"/> keeps one conversation's items
/// from overlapping here, so each citizen is still answered in order.
/// </summary>
public sealed partial class InboxDispatcher(
    IInboxStore inbox, InboxSignal signal, TimeProvider clock, InboxOptions settings, ILogger logger, TurnScheduler? turns = null)
{
    private Running? running;

    /// <summary>
    /// Set while the store may have due items this instance had no room for; a finishing item then wakes the claim.
    /// Otherwise a taken-over item's finish claims nothing: its store says when it made another item due.
    /// </summary>
    private volatile bool backlog;

    /// <summary>Whether an item taken over now would start at once (racy by a few items, which the claims absorb).</summary>
    public bool HasRoom => Volatile.Read(ref running) is { } run && !run.Stopping.IsCancellationRequested && run.Work.Count < settings.MaxConcurrency;

    /// <summary>
    /// Runs an item the store leased to this instance on append, as if claimed; false when the dispatcher is not running
    /// (its lease then ends, or the caller releases it).
    /// </summary>
    public bool TryTakeOver(InboxItem item)
    {
        if (Volatile.Read(ref running) is not { } run || run.Stopping.IsCancellationRequested)
        {
            return false;
        }

        return run.Work.TryStart(item, next => HandleGuardedAsync(next, run.Handle, run.Stopping));
    }

    /// <summary>Claims and hands items to <paramref name="handle"/> until stopped, then waits for the items in flight.</summary>
    public async Task RunAsync(Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        var work = new InboxWorkSet(OnSlotFreed, turns is null ? null : turns.Run);
        if (Interlocked.CompareExchange(ref running, new Running(work, handle, stoppingToken), null) is not null)
        {
            throw new InvalidOperationException("The inbox dispatcher is already running.");
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await ClaimOnceAsync(work, handle, stoppingToken))
                {
                    continue;
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
            Volatile.Write(ref running, null);
            await work.DrainAsync();
        }
    }

    /// <summary>
    /// Claims what there is room for; true when the loop should look again at once (a full claim: more may be due; or no
    /// room, freed meanwhile), false when it should wait for a signal or the poll.
    /// </summary>
    private async Task<bool> ClaimOnceAsync(InboxWorkSet work, Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        var wanted = Math.Min(settings.MaxConcurrency - work.Count, settings.BatchSize);
        if (wanted <= 0)
        {
            backlog = true;
            Interlocked.MemoryBarrier(); // pairs with OnSlotFreed: an item finishing now either sees the flag or frees room seen here
            return work.Count < settings.MaxConcurrency;
        }

        var full = await ClaimAsync(work, wanted, handle, stoppingToken);
        backlog = full;
        return full && work.Count < settings.MaxConcurrency;
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
            if (!work.TryStart(item, next => HandleClaimedAsync(next, handle, stoppingToken)))
            {
                LogStillRunning(logger, item.Id, item.Source);
            }
        }

        return claimed.Count == wanted;
    }

    /// <summary>A claimed item's conversation may have its next item due once it is done: look, whatever the store said.</summary>
    private async Task HandleClaimedAsync(InboxItem item, Func<InboxItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        await HandleGuardedAsync(item, handle, stoppingToken);
        signal.Notify();
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

    private void OnSlotFreed()
    {
        Interlocked.MemoryBarrier();
        if (backlog)
        {
            signal.Notify();
        }
    }

    private sealed record Running(InboxWorkSet Work, Func<InboxItem, CancellationToken, Task> Handle, CancellationToken Stopping);

    [LoggerMessage(LogLevel.Error, "Inbox claim failed: {Failure}")]
    private static partial void LogClaimFailed(ILogger logger, string failure);

    [LoggerMessage(LogLevel.Error, "Inbox item {Id} from {Source} failed and could not be released ({Failure}); due again when its lease ends")]
    private static partial void LogItemAbandoned(ILogger logger, long id, string source, string failure);

    [LoggerMessage(LogLevel.Warning, "Inbox item {Id} from {Source} was handed out again while still running here (its lease ended); not started twice")]
    private static partial void LogStillRunning(ILogger logger, long id, string source);
}
