using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>Collects a turn's replies for delivery after it, as the webhook inbox does; one collection per attempt.</summary>
public sealed class DeferredSender : IDeferredActivitySender
{
    private readonly List<Activity> _collected = [];

    public IReadOnlyList<Activity> Collected => _collected;

    public IReadOnlyList<string> Texts => [.. _collected.Select(a => a.Text ?? string.Empty)];

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (_collected)
        {
            _collected.AddRange(activities);
        }

        return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))]);
    }
}
