using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Notices;

/// <summary>
/// A channel that can write to a citizen outside a turn (a notice about their case). <see cref="Channel"/> is the
/// <see cref="CitizenAddress.Channel"/> it serves: <c>zalo</c>, <c>facebook</c>, <c>webchat</c>, <c>directline</c>.
/// The result says whether the platform took it, refused it for good, asked to retry, or its window is closed.
/// </summary>
public interface IProactiveChannel
{
    string Channel { get; }

    Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the citizen's chat already shows all of <paramref name="activities"/> among its recent messages sent from
    /// <paramref name="since"/> on (a send cut off by a crash may have delivered them); false when the channel cannot
    /// read its chats back.
    /// </summary>
    Task<bool> WasShownAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, DateTimeOffset since, CancellationToken cancellationToken);
}
