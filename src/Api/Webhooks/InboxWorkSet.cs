using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// The inbox items this process is handling now. One conversation's items never run at the same time: an item
/// started while an earlier one of its conversation still runs (its turn completed the earlier item in the store but
/// is still releasing held notices, say) waits for it. An item already running is not started twice (its lease ran
/// out mid-turn and the store handed it out again).
/// </summary>
public sealed class InboxWorkSet(Action finished, Func<Func<Task>, Task>? start = null)
{
    private readonly Func<Func<Task>, Task> start = start ?? Task.Run;
    private readonly Lock gate = new();
    private readonly HashSet<long> running = [];
    private readonly Dictionary<string, (long Id, Task Work)> lastByConversation = new(StringComparer.Ordinal);

    /// <summary>Items started and not yet finished (including those waiting for their conversation).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return running.Count;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="handle"/> for the item once its conversation's earlier items here have finished; false when
    /// the item is already running. <paramref name="handle"/> is expected not to throw (a fault is swallowed here).
    /// </summary>
    public bool TryStart(InboxItem item, Func<InboxItem, Task> handle)
    {
        lock (gate)
        {
            if (!running.Add(item.Id))
            {
                return false;
            }

            var earlier = lastByConversation.TryGetValue(item.ConversationKey, out var last) ? last.Work : Task.CompletedTask;
            lastByConversation[item.ConversationKey] = (item.Id, start(() => RunAsync(item, earlier, handle)));
            return true;
        }
    }

    /// <summary>Waits until every item started so far has finished.</summary>
    public async Task DrainAsync()
    {
        Task[] all;
        lock (gate)
        {
            all = [.. lastByConversation.Values.Select(v => v.Work)];
        }

        // Each conversation's last item waits for its earlier ones, so waiting for the last ones waits for all.
        await Task.WhenAll(all).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(InboxItem item, Task earlier, Func<InboxItem, Task> handle)
    {
        try
        {
            // Resumes where it started (the turn threads, when configured), not on the thread that finished the earlier item.
            await earlier.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            await handle(item).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            lock (gate)
            {
                running.Remove(item.Id);
                if (lastByConversation.TryGetValue(item.ConversationKey, out var last) && last.Id == item.Id)
                {
                    lastByConversation.Remove(item.ConversationKey);
                }
            }

            finished();
        }
    }
}
