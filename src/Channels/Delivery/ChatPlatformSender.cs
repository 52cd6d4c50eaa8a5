using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>
/// What Zalo and Messenger share: render to the platform's bodies, deliver them in order stopping at the first one
/// refused, and serve both the turn's replies and the workflow's notices from that. A platform supplies only its
/// rendering and how one body is posted.
/// </summary>
public abstract class ChatPlatformSender : IChatPlatform, IActivitySender, IProactiveChannel
{
    public abstract string Channel { get; }

    public abstract IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply);

    public async Task<DeliveryReport> DeliverAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken, Func<int, Task>? accepted = null)
    {
        var ids = new List<string>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var (result, messageId) = await SendOneAsync(bodies[i], cancellationToken).ConfigureAwait(false);
            if (result.Outcome != SendOutcome.Sent)
            {
                return new DeliveryReport(result, i, ids);
            }

            ids.Add(messageId ?? string.Empty);
            if (accepted is not null)
            {
                await accepted(i + 1).ConfigureAwait(false);
            }
        }

        return new DeliveryReport(SendResult.Sent, bodies.Count, ids);
    }

    public async Task<int?> CountShownAfterAsync(
        string userId, string citizenMessageId, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        var history = await ReadHistoryAsync(userId, citizenMessageId, cancellationToken).ConfigureAwait(false);
        var sent = history is null ? null : ShownReplies.After(history, citizenMessageId);
        return sent is null ? null : ShownReplies.CountInOrder([.. bodies.Select(ShownText)], sent);
    }

    public async Task<bool> WasShownAsync(
        CitizenAddress recipient, IReadOnlyList<Activity> activities, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var bodies = Render(recipient.UserId, activities, isReply: false);
        if (bodies.Count == 0)
        {
            return false;
        }

        var history = await ReadHistoryAsync(recipient.UserId, untilMessageId: null, cancellationToken).ConfigureAwait(false);
        return history is not null && ShownReplies.AllAmongRecent(history, [.. bodies.Select(ShownText)], since);
    }

    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var userId = turn.Activity.From?.Id ?? throw new InvalidOperationException("The turn has no citizen to answer.");
        var report = await DeliverAsync(Render(userId, activities, isReply: true), cancellationToken);
        return report.Completed
            ? [.. report.MessageIds.Select(id => new ResourceResponse(id))]
            : throw new ChannelDeliveryException(Channel, report.Result);
    }

    public async Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        (await DeliverAsync(Render(recipient.UserId, activities, isReply: false), cancellationToken)).Result;

    /// <summary>Posts one rendered body; the platform's answer decides sent / retry / outside window / undeliverable.</summary>
    protected abstract Task<(SendResult Result, string? MessageId)> SendOneAsync(string body, CancellationToken cancellationToken);

    /// <summary>
    /// The citizen's recent conversation, newest first, read back far enough to reach <paramref name="untilMessageId"/>
    /// when it is among the recent messages (without one: the most recent page); null when the platform would not say.
    /// </summary>
    protected abstract Task<IReadOnlyList<HistoryMessage>?> ReadHistoryAsync(string userId, string? untilMessageId, CancellationToken cancellationToken);

    /// <summary>The text a rendered body shows (both platforms put it at <c>message.text</c>); null for an image.</summary>
    private static string? ShownText(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Get("message").Get("text").String();
    }
}
