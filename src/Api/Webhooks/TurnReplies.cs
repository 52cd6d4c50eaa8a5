using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Collects what the bot says during a turn. The inbox worker delivers the collection after the turn, so a platform
/// outage never re-runs the turn (which could file a PAKN twice): only the undelivered rest is retried; and a
/// transient failure during the turn discards the collection and leaves the whole turn to another attempt.
/// </summary>
internal sealed class TurnReplies : IDeferredActivitySender
{
    private readonly List<Activity> activities = [];

    public IReadOnlyList<Activity> Activities => activities;

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> outgoing, CancellationToken cancellationToken)
    {
        lock (activities)
        {
            activities.AddRange(outgoing);
        }

        return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. outgoing.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))]);
    }
}
