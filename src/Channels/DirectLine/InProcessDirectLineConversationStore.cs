using System.Globalization;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Conversations in memory, bounded: at most <see cref="DirectLineOptions.MaxActivitiesPerConversation"/> activities
/// each (oldest dropped, sequence numbers keep counting so watermarks stay valid), at most
/// <see cref="DirectLineOptions.MaxConversations"/> conversations (least recently active dropped), and forgotten after
/// <see cref="DirectLineOptions.ConversationIdleExpiry"/> without a read or write.
/// </summary>
public sealed class InProcessDirectLineConversationStore(
    IOptions<DirectLineOptions> options, ConversationSignals signals, TimeProvider clock) : IDirectLineConversationStore
{
    private const int SweepEvery = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Conversation> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> byUser = new(StringComparer.Ordinal);
    private readonly DirectLineOptions settings = options.Value;
    private int startsSinceSweep;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return conversations.Count;
            }
        }
    }

    public Task StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var evicted = new List<string>();
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (conversations.ContainsKey(conversationId))
            {
                return Task.CompletedTask;
            }

            if (++startsSinceSweep >= SweepEvery || conversations.Count >= settings.MaxConversations)
            {
                startsSinceSweep = 0;
                evicted.AddRange(conversations.Where(c => IsExpired(c.Value, now)).Select(c => c.Key).ToList());
                evicted.ForEach(Remove);
            }

            while (conversations.Count >= settings.MaxConversations)
            {
                var oldest = conversations.MinBy(c => c.Value.LastActive).Key;
                Remove(oldest);
                evicted.Add(oldest);
            }

            conversations[conversationId] = new Conversation(userId, now);
            if (!byUser.TryGetValue(userId, out var owned))
            {
                byUser[userId] = owned = new HashSet<string>(StringComparer.Ordinal);
            }

            owned.Add(conversationId);
        }

        evicted.ForEach(signals.Notify);
        return Task.CompletedTask;
    }

    public Task<string?> FindOwnerAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(Live(conversationId, clock.GetUtcNow())?.UserId);
        }
    }

    public Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        string id;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (Live(conversationId, now) is not { } conversation)
            {
                return Task.FromResult<string?>(null);
            }

            var sequence = ++conversation.LastSequence;
            id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Id = id;
            conversation.Activities.Enqueue((sequence, activity));
            while (conversation.Activities.Count > settings.MaxActivitiesPerConversation)
            {
                conversation.Activities.Dequeue();
            }

            conversation.LastActive = now;
        }

        signals.Notify(conversationId);
        return Task.FromResult<string?>(id);
    }

    public Task<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (Live(conversationId, now) is not { } conversation)
            {
                return Task.FromResult<ActivitySet?>(null);
            }

            conversation.LastActive = now;
            conversation.LastRead = now;
            var after = conversation.Activities.Where(a => a.Sequence > watermark).ToList();
            var next = after.Count > 0 ? after[^1].Sequence : Math.Min(Math.Max(watermark, 0), conversation.LastSequence);
            return Task.FromResult<ActivitySet?>(new ActivitySet(
                [.. after.Select(a => a.Activity)], next.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public Task<IReadOnlyList<string>> FindOpenAsync(string userId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!byUser.TryGetValue(userId, out var owned))
            {
                return Task.FromResult<IReadOnlyList<string>>([]);
            }

            IReadOnlyList<string> open =
            [
                .. owned.Where(id => Live(id, now) is { LastRead: { } read } && now - read <= settings.OpenWindow),
            ];
            return Task.FromResult(open);
        }
    }

    private Conversation? Live(string conversationId, DateTimeOffset now)
    {
        if (!conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (!IsExpired(conversation, now))
        {
            return conversation;
        }

        Remove(conversationId);
        return null;
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastActive > settings.ConversationIdleExpiry;

    private void Remove(string conversationId)
    {
        if (conversations.Remove(conversationId, out var conversation)
            && byUser.TryGetValue(conversation.UserId, out var owned)
            && owned.Remove(conversationId)
            && owned.Count == 0)
        {
            byUser.Remove(conversation.UserId);
        }
    }

    private sealed class Conversation(string userId, DateTimeOffset startedAt)
    {
        public string UserId { get; } = userId;

        public long LastSequence { get; set; }

        public DateTimeOffset LastActive { get; set; } = startedAt;

        /// <summary>Starting counts as a read: the page that asked for the conversation is opening it.</summary>
        public DateTimeOffset? LastRead { get; set; } = startedAt;

        public Queue<(long Sequence, Activity Activity)> Activities { get; } = new();
    }
}
