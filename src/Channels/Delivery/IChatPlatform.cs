using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>
/// A chat platform we both receive from and write to (Zalo OA, Messenger). Outgoing activities are first rendered
/// into the platform's own request bodies, then delivered one by one, in order, so a delivery cut short by an
/// outage can be resumed later from the first body not yet accepted.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The <c>channelId</c> / inbox source / <c>CitizenAddress.Channel</c>: <c>zalo</c> or <c>facebook</c>.</summary>
    string Channel { get; }

    /// <summary>
    /// The platform request bodies (JSON) that show <paramref name="activities"/> to <paramref name="userId"/>.
    /// <paramref name="isReply"/>: answering the citizen's message now, rather than a notice written first.
    /// </summary>
    IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply);

    /// <summary>
    /// Sends the bodies in order and stops at the first one the platform does not accept. <paramref name="accepted"/>,
    /// when given, is told how many the platform has taken so far before the next one is sent (on the thread pool: the
    /// caller records it while the platform already has the message).
    /// </summary>
    Task<DeliveryReport> DeliverAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken, Func<int, Task>? accepted = null);

    /// <summary>
    /// How many of <paramref name="bodies"/>, from the first, the platform's own conversation history shows the OA/page
    /// sent after the citizen's message <paramref name="citizenMessageId"/>: what a send cut off by a crash had already
    /// shown. Null when the history cannot tell (not readable, or that message no longer among the recent ones).
    /// </summary>
    Task<int?> CountShownAfterAsync(string userId, string citizenMessageId, IReadOnlyList<string> bodies, CancellationToken cancellationToken);
}

/// <summary>How a delivery went: <see cref="Delivered"/> bodies were accepted; <see cref="Result"/> is about the next one.</summary>
public sealed record DeliveryReport(SendResult Result, int Delivered, IReadOnlyList<string> MessageIds)
{
    public bool Completed => Result.Outcome == SendOutcome.Sent;
}
