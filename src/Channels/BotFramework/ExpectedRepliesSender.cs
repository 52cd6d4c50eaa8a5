using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Keeps a turn's replies for the HTTP answer, for a client that sent its activity with
/// <c>deliveryMode: "expectReplies"</c> (test harnesses, skills, the Emulator's "expect replies" mode). One per turn.
/// </summary>
public sealed class ExpectedRepliesSender : IActivitySender
{
    private readonly List<Activity> replies = [];

    public ExpectedReplies Replies => new() { Activities = [.. replies] };

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            activity.Id ??= Guid.NewGuid().ToString("N");
            replies.Add(activity);
            responses.Add(new ResourceResponse(activity.Id));
        }

        return Task.FromResult<IReadOnlyList<ResourceResponse>>(responses);
    }
}
