using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// The bot's replies in a web chat turn: appended to the conversation's log, where the page reads them (stream or poll).
/// Typing activities are not kept: they mean nothing to a reader who arrives later. Each reply is stamped at least a
/// millisecond after the message it answers and the reply before it, also when the turn sends in several calls: Web Chat orders its transcript by timestamp (to the
/// millisecond), so two replies of one turn stamped alike could swap places when one is delivered again, leaving the
/// summary under the question that asks about it and the page without the question's buttons.
/// </summary>
public sealed class DirectLineActivitySender(IDirectLineConversationStore store, DirectLineActivities addressing) : IActivitySender
{
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.Conversation?.Id ?? throw new InvalidOperationException("The turn has no conversation.");
        var userId = turn.Activity.From?.Id ?? throw new InvalidOperationException("The turn has no user.");
        var responses = new List<ResourceResponse>(activities.Count);
        var stamps = turn.TurnState.Get<ReplyStamps>() ?? new ReplyStamps(turn.Activity.Timestamp);
        turn.TurnState.Set(stamps); // a turn may send in several calls (a summary, then its question)
        foreach (var activity in activities)
        {
            if (activity.IsType(ActivityTypes.Typing) || activity.IsType(ActivityTypes.Trace))
            {
                responses.Add(new ResourceResponse(string.Empty));
                continue;
            }

            var reply = addressing.FromBot(activity, conversationId, userId);
            reply.Timestamp = stamps.After(reply.Timestamp);
            var id = await store.AppendAsync(conversationId, reply, cancellationToken)
                     ?? throw new InvalidOperationException("The web chat conversation has expired.");
            responses.Add(new ResourceResponse(id));
        }

        return responses;
    }

    /// <summary>The last stamp given in this turn: each reply's is at least a millisecond later.</summary>
    private sealed class ReplyStamps(DateTimeOffset? last)
    {
        public DateTimeOffset? After(DateTimeOffset? stamp)
        {
            last = last is { } before && (stamp is null || stamp < before.AddMilliseconds(1)) ? before.AddMilliseconds(1) : stamp;
            return last;
        }
    }
}
