using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// The bot's replies in a web chat turn: appended to the conversation's log, where the page reads them (stream or poll).
/// Typing activities are not kept: they mean nothing to a reader who arrives later.
/// </summary>
public sealed class DirectLineActivitySender(IDirectLineConversationStore store, DirectLineActivities addressing) : IActivitySender
{
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.Conversation?.Id ?? throw new InvalidOperationException("The turn has no conversation.");
        var userId = turn.Activity.From?.Id ?? throw new InvalidOperationException("The turn has no user.");
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            if (activity.IsType(ActivityTypes.Typing) || activity.IsType(ActivityTypes.Trace))
            {
                responses.Add(new ResourceResponse(string.Empty));
                continue;
            }

            var id = await store.AppendAsync(conversationId, addressing.FromBot(activity, conversationId, userId), cancellationToken)
                     ?? throw new InvalidOperationException("The web chat conversation has expired.");
            responses.Add(new ResourceResponse(id));
        }

        return responses;
    }
}
