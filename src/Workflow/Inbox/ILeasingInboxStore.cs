namespace PhanHoi.Bot.Workflow.Inbox;

/// <summary>
/// An inbox that can lease an event to the instance storing it, in the same round trip, when nothing of its
/// conversation is unfinished before it: that instance runs the turn straight away instead of claiming it back. A lease
/// that ends (the instance died) makes the item due again, as for a claimed one.
/// </summary>
public interface ILeasingInboxStore
{
    /// <summary>Stores the event as <see cref="IInboxStore.AppendAsync"/> does, leasing it to the caller when it is its conversation's head.</summary>
    Task<InboxAppend> AppendLeasedAsync(
        string source, string messageId, string conversationKey, string payload, DateTimeOffset receivedAt, TimeSpan lease, CancellationToken cancellationToken);
}
