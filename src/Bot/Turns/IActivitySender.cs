using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>
/// The transport half of a channel: delivers outgoing activities (already addressed) to the platform.
/// Each channel (Zalo, Messenger, Bot Framework, Direct Line) implements it.
/// </summary>
public interface IActivitySender
{
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
