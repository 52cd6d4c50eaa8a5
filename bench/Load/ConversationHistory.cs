using System.Collections.Concurrent;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// Each citizen's conversation as the platforms keep it — what the citizen wrote (recorded before the webhook is
/// posted, as the platform has it first; a webhook posted again does not write it twice) and what the OA/page sent —
/// for the fakes of Zalo's <c>GET /v2.0/oa/conversation</c> and Graph's Conversations API. The last
/// <see cref="Kept"/> messages are kept. Only fault runs, whose service replays turns after a crash, keep any.
/// </summary>
public sealed class ConversationHistory(bool keeps)
{
    public const int Kept = 50;

    private readonly ConcurrentDictionary<string, List<HistoryEntry>> byUser = new();

    public void Record(string userId, string id, bool fromBusiness, string? text)
    {
        if (!keeps)
        {
            return;
        }

        var conversation = byUser.GetOrAdd(userId, _ => []);
        lock (conversation)
        {
            if (conversation.Exists(m => m.Id == id))
            {
                return;
            }

            if (conversation.Count == Kept)
            {
                conversation.RemoveAt(0);
            }

            conversation.Add(new HistoryEntry(id, fromBusiness, text, DateTimeOffset.UtcNow));
        }
    }

    public IReadOnlyList<HistoryEntry> NewestFirst(string userId, int skip, int take)
    {
        if (!byUser.TryGetValue(userId, out var conversation))
        {
            return [];
        }

        lock (conversation)
        {
            return [.. Enumerable.Reverse(conversation).Skip(skip).Take(take)];
        }
    }
}

public sealed record HistoryEntry(string Id, bool FromBusiness, string? Text, DateTimeOffset At);
