using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Case notices for <c>webchat:{userId}</c>: written into every web chat page the citizen has open. With no page open
/// the notice is held by the outbox (<see cref="SendOutcome.OutsideWindow"/>) until the citizen comes back. Written
/// under the conversation's lock, as a turn's replies are: a notice a turn caused (the filing's) comes after that
/// turn's replies, not between them.
/// </summary>
public sealed class DirectLineProactiveChannel(IDirectLineConversationStore store, DirectLineActivities addressing, IConversationLock conversationLock)
    : IProactiveChannel
{
    public string Channel => DirectLineChannel.ChannelId;

    public async Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var open = await store.FindOpenAsync(recipient.UserId, cancellationToken);
        var delivered = 0;
        foreach (var conversationId in open)
        {
            await using var held = await conversationLock.AcquireAsync(TurnKeys.Conversation(DirectLineChannel.ChannelId, conversationId), cancellationToken);
            var complete = true;
            foreach (var activity in activities)
            {
                complete &= await store.AppendAsync(conversationId, addressing.FromBot(activity, conversationId, recipient.UserId), cancellationToken) is not null;
            }

            delivered += complete ? 1 : 0;
        }

        return delivered > 0 ? SendResult.Sent : new SendResult(SendOutcome.OutsideWindow, "no web chat page is open");
    }

    /// <summary>Pages keep no readable record of what they showed: a notice cut off mid-send goes out again.</summary>
    public Task<bool> WasShownAsync(
        CitizenAddress recipient, IReadOnlyList<Activity> activities, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
