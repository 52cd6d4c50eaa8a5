namespace PhanHoi.Bot.Workflow.Inbox;

/// <summary>
/// A platform event written durably before the webhook is acknowledged (SPEC §5: an acknowledged message is never
/// lost). <see cref="Payload"/> is the normalised event as the channel wrote it; stored encrypted (it holds what the
/// citizen typed). <see cref="Delivered"/>: how many of its turn's reply messages the platform has taken already.
/// <see cref="Unreadable"/>: the stored payload could not be decrypted (altered, or written under another
/// <c>Security:PiiKey</c>); <see cref="Payload"/> is then empty and the item can only be set aside.
/// </summary>
public sealed record InboxItem(
    long Id,
    string Source,
    string MessageId,
    string ConversationKey,
    string Payload,
    DateTimeOffset ReceivedAt,
    int Attempts,
    int Delivered = 0,
    bool Unreadable = false);

/// <summary>
/// The durable inbox behind the webhooks. <c>(source, messageId)</c> is the idempotency key: a platform's
/// re-delivery is recognised and not stored twice. Items of one conversation are handed out one at a time, in order.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores the event; false when <c>(source, messageId)</c> was stored before (a re-delivery).</summary>
    Task<bool> AppendAsync(
        string source, string messageId, string conversationKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due items, oldest first, at most one per conversation and never one whose
    /// conversation has an earlier unfinished item; a lease that ends (a crashed instance) makes the item due again.
    /// </summary>
    Task<IReadOnlyList<InboxItem>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The item was processed: it will never be handed out again.</summary>
    Task CompleteAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The item can never be processed (<see cref="InboxItem.Unreadable"/>): it is kept, as stored, for an operator, is
    /// never handed out again, and no longer holds up its conversation's later items.
    /// </summary>
    Task SetAsideAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// The platform has taken the first <paramref name="delivered"/> reply messages of the item's turn: handed out again
    /// (its instance died), the item sends only the rest.
    /// </summary>
    Task RecordDeliveredAsync(long id, int delivered, CancellationToken cancellationToken);

    /// <summary>Processing failed for a transient reason: the item is due again at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    /// <summary>Items from <paramref name="source"/> released for a later attempt become due now. Returns how many.</summary>
    Task<int> ExpediteRetriesAsync(string source, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The message ids of the conversation's unfinished items stored after item <paramref name="id"/>, oldest first (at
    /// most a few): what the citizen sent since, waiting behind it.
    /// </summary>
    Task<IReadOnlyList<string>> LaterMessageIdsAsync(string conversationKey, long id, CancellationToken cancellationToken);

    /// <summary>Items received but not yet completed (for health and metrics).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>Items set aside (<see cref="SetAsideAsync"/>), waiting for an operator (for health).</summary>
    Task<long> CountSetAsideAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets up to <paramref name="max"/> items completed before <paramref name="completedBefore"/>: a re-delivery of
    /// one is then no longer recognised. Returns how many; a store whose finished items expire by themselves answers 0.
    /// </summary>
    Task<int> ForgetDoneAsync(DateTimeOffset completedBefore, int max, CancellationToken cancellationToken);
}
