using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// The activity log of each web chat conversation: what the client reads by watermark (the user's own activities
/// echoed back, the bot's replies, notices). Bounded and expiring: a chat page is a short visit, the case is the record.
/// </summary>
public interface IDirectLineConversationStore
{
    /// <summary>Starts an empty conversation owned by <paramref name="userId"/> (no-op if it exists).</summary>
    Task StartAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The owner of a live conversation, or null if it is unknown or expired.</summary>
    Task<string?> FindOwnerAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends an activity, giving it its id (<c>{conversationId}|{sequence}</c>); null if the conversation is gone.</summary>
    Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Activities after <paramref name="watermark"/> and the next watermark; null if the conversation is gone. A read
    /// marks the conversation open: the page is showing it.
    /// </summary>
    Task<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>The user's conversations read within <see cref="DirectLineOptions.OpenWindow"/>: pages open now.</summary>
    Task<IReadOnlyList<string>> FindOpenAsync(string userId, CancellationToken cancellationToken);
}
