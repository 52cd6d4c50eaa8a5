using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Makes a verified delivery durable before it is acknowledged: each event goes to the inbox under the platform's
/// id, so a re-delivery is recognised and ignored. The inbox worker is woken to run the turns.
/// </summary>
public sealed partial class WebhookIntake(IInboxStore inbox, InboxSignal signal, TimeProvider clock, ILogger<WebhookIntake> logger)
{
    /// <summary>Stores the events in order; returns how many were new.</summary>
    public async Task<int> AcceptAsync(string channel, ParsedWebhook parsed, CancellationToken cancellationToken)
    {
        foreach (var kind in parsed.Unknown)
        {
            LogUnknown(logger, channel, kind);
        }

        var stored = 0;
        foreach (var inbound in parsed.Events)
        {
            var payload = InboxEnvelope.ForActivity(inbound.Activity).Serialize();
            if (await inbox.AppendAsync(channel, inbound.MessageId, inbound.ConversationKey(channel), payload, clock.GetUtcNow(), cancellationToken))
            {
                stored++;
            }
            else
            {
                LogRedelivery(logger, channel, inbound.Activity.Type);
            }
        }

        if (stored > 0)
        {
            signal.Notify();
        }

        return stored;
    }

    [LoggerMessage(LogLevel.Information, "{Channel} webhook: unknown event kind {Kind} acknowledged and ignored")]
    private static partial void LogUnknown(ILogger logger, string channel, string kind);

    [LoggerMessage(LogLevel.Information, "{Channel} webhook: re-delivered {ActivityType} acknowledged and ignored")]
    private static partial void LogRedelivery(ILogger logger, string channel, string? activityType);
}
