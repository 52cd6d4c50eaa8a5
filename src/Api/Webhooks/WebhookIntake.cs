using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Makes a verified delivery durable before it is acknowledged: each event goes to the inbox under the platform's
/// id, so a re-delivery is recognised and ignored. When the store can lease the event to this instance as it stores it
/// (its conversation has nothing unfinished before it), the inbox worker takes it over at once; otherwise the worker is
/// woken to claim it.
/// </summary>
public sealed partial class WebhookIntake(
    IInboxStore inbox, InboxDispatcher dispatcher, InboxSignal signal, TimeProvider clock, IOptions<InboxOptions> options, ILogger<WebhookIntake> logger)
{
    private readonly ILeasingInboxStore? leasing = inbox as ILeasingInboxStore;

    /// <summary>Stores the events in order; returns how many were new.</summary>
    public async Task<int> AcceptAsync(string channel, ParsedWebhook parsed, CancellationToken cancellationToken)
    {
        foreach (var kind in parsed.Unknown)
        {
            LogUnknown(logger, channel, kind);
        }

        var stored = 0;
        var toClaim = false;
        foreach (var inbound in parsed.Events)
        {
            var appended = await AppendAsync(channel, inbound, cancellationToken);
            if (!appended.Stored)
            {
                LogRedelivery(logger, channel, inbound.Activity.Type);
                continue;
            }

            stored++;
            if (appended.Leased is not { } item)
            {
                toClaim = true;
            }
            else if (!dispatcher.TryTakeOver(item))
            {
                // stopping: due again now, for whichever instance claims next
                await inbox.ReleaseAsync(item.Id, clock.GetUtcNow(), "not started: the instance is stopping", cancellationToken);
            }
        }

        if (toClaim)
        {
            signal.Notify();
        }

        return stored;
    }

    private async Task<InboxAppend> AppendAsync(string channel, InboundEvent inbound, CancellationToken cancellationToken)
    {
        var payload = InboxEnvelope.ForActivity(inbound.Activity).Serialize();
        var conversation = inbound.ConversationKey(channel);
        var now = clock.GetUtcNow();
        if (leasing is not null && dispatcher.HasRoom)
        {
            return await leasing.AppendLeasedAsync(channel, inbound.MessageId, conversation, payload, now, options.Value.Lease, cancellationToken);
        }

        return new InboxAppend(await inbox.AppendAsync(channel, inbound.MessageId, conversation, payload, now, cancellationToken), null);
    }

    [LoggerMessage(LogLevel.Information, "{Channel} webhook: unknown event kind {Kind} acknowledged and ignored")]
    private static partial void LogUnknown(ILogger logger, string channel, string kind);

    [LoggerMessage(LogLevel.Information, "{Channel} webhook: re-delivered {ActivityType} acknowledged and ignored")]
    private static partial void LogRedelivery(ILogger logger, string channel, string? activityType);
}
