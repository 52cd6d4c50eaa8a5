using System.Collections.Concurrent;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>A channel that only remembers what the bot sent.</summary>
public sealed class RecordingSender : IActivitySender
{
    private readonly ConcurrentQueue<Activity> _sent = new();

    public IReadOnlyList<Activity> Sent => [.. _sent];

    public IReadOnlyList<string> Texts => [.. _sent.Select(a => a.Text ?? string.Empty)];

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            _sent.Enqueue(activity);
        }

        return Task.FromResult<IReadOnlyList<ResourceResponse>>([.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))]);
    }

    public void Clear() => _sent.Clear();
}
