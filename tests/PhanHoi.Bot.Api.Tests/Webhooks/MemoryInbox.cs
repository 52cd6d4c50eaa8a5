using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

/// <summary>
/// <see cref="IInboxStore"/>'s contract in memory (the SQL stores prove it in the Workflow tests): oldest due items
/// first, at most one per conversation, never one behind an unfinished earlier item, leases that end.
/// </summary>
public sealed class MemoryInbox : IInboxStore
{
    private readonly Lock gate = new();
    private readonly List<Entry> entries = [];
    private long nextId;

    /// <summary>How many times each item was handed out.</summary>
    public Dictionary<long, int> Claims { get; } = [];

    /// <summary>How many items are stored, whatever their state.</summary>
    public int Stored
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public Task<bool> AppendAsync(
        string source, string messageId, string conversationKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (entries.Any(e => e.Source == source && e.MessageId == messageId))
            {
                return Task.FromResult(false);
            }

            entries.Add(new Entry(++nextId, source, messageId, conversationKey, payload, receivedAt) { DueAt = receivedAt });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InboxItem>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var due = entries
                .Where(e => !e.Done && e.DueAt <= now && (e.LeasedUntil is null || e.LeasedUntil <= now))
                .Where(e => !entries.Any(earlier => earlier.ConversationKey == e.ConversationKey && !earlier.Done && earlier.Id < e.Id))
                .OrderBy(e => e.Id)
                .Take(max)
                .ToList();
            foreach (var entry in due)
            {
                entry.LeasedUntil = now + lease;
                Claims[entry.Id] = Claims.GetValueOrDefault(entry.Id) + 1;
            }

            return Task.FromResult<IReadOnlyList<InboxItem>>(
                [.. due.Select(e => new InboxItem(e.Id, e.Source, e.MessageId, e.ConversationKey, e.Payload, e.ReceivedAt, e.Attempts, e.Delivered))]);
        }
    }

    public Task CompleteAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = entries.Single(e => e.Id == id);
            entry.Done = true;
            entry.LeasedUntil = null;
            entry.CompletedAt = at;
        }

        return Task.CompletedTask;
    }

    public Task SetAsideAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (entries.SingleOrDefault(e => e.Id == id && !e.Done) is { } entry)
            {
                entry.Done = true;
                entry.LeasedUntil = null;
                entry.SetAside = true;
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordDeliveredAsync(long id, int delivered, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (entries.SingleOrDefault(e => e.Id == id && !e.Done) is { } entry)
            {
                entry.Delivered = delivered;
            }

            return Task.CompletedTask;
        }
    }

    public Task ReleaseAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = entries.Single(e => e.Id == id);
            entry.Attempts++;
            entry.DueAt = retryAt;
            entry.LeasedUntil = null;
        }

        return Task.CompletedTask;
    }

    public Task<int> ExpediteRetriesAsync(string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var waiting = entries.Where(e => !e.Done && e.Source == source && e.Attempts > 0 && e.DueAt > now && e.LeasedUntil is null).ToList();
            waiting.ForEach(e => e.DueAt = now);
            return Task.FromResult(waiting.Count);
        }
    }

    public Task<IReadOnlyList<string>> LaterMessageIdsAsync(string conversationKey, long id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                [.. entries.Where(e => e.ConversationKey == conversationKey && !e.Done && e.Id > id).Take(10).Select(e => e.MessageId)]);
        }
    }

    public Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)entries.Count(e => !e.Done));
        }
    }

    public Task<long> CountSetAsideAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)entries.Count(e => e.SetAside));
        }
    }

    public Task<int> ForgetDoneAsync(DateTimeOffset completedBefore, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var forgotten = entries.Where(e => e.CompletedAt < completedBefore).Take(max).ToList();
            forgotten.ForEach(e => entries.Remove(e));
            return Task.FromResult(forgotten.Count);
        }
    }

    private sealed record Entry(long Id, string Source, string MessageId, string ConversationKey, string Payload, DateTimeOffset ReceivedAt)
    {
        public bool Done { get; set; }

        public bool SetAside { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public DateTimeOffset? LeasedUntil { get; set; }

        public int Attempts { get; set; }

        public int Delivered { get; set; }
    }
}
