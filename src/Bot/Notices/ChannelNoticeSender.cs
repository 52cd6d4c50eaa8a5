using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Notices;

/// <summary>
/// The outbox's sender once the bot is wired in: renders the notice and hands it to the citizen's channel. Several
/// channels may serve one channel name (e.g. Direct Line and Bot Framework web chats): each is tried until one
/// knows the citizen. A delivered request for information makes the citizen's next message a supplement (SPEC §4).
/// </summary>
public sealed class ChannelNoticeSender(NoticeRenderer renderer, IEnumerable<IProactiveChannel> channels, BotState<UserData> users) : INoticeSender
{
    private readonly ILookup<string, IProactiveChannel> byName = channels.ToLookup(c => c.Channel, StringComparer.OrdinalIgnoreCase);

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var candidates = byName[message.Recipient.Channel].ToList();
        if (candidates.Count == 0)
        {
            return new SendResult(SendOutcome.OutsideWindow, $"channel '{message.Recipient.Channel}' is not configured");
        }

        // Marked before sending: a citizen answering the moment the request appears must reach the case, not the menu.
        var asksForInfo = message.Notice.Kind == NoticeKind.InfoRequested;
        if (asksForInfo)
        {
            await SetSupplementAsync(message.Recipient, message.Notice.CaseCode, cancellationToken);
        }

        var activity = await renderer.RenderAsync(message.Notice, cancellationToken);
        SendResult result = new(SendOutcome.OutsideWindow, "no channel knows the recipient");
        foreach (var channel in candidates)
        {
            result = await channel.SendAsync(message.Recipient, [activity], cancellationToken);
            if (result.Outcome != SendOutcome.OutsideWindow)
            {
                break;
            }
        }

        if (asksForInfo && result.Outcome != SendOutcome.Sent)
        {
            await SetSupplementAsync(message.Recipient, null, cancellationToken, onlyIf: message.Notice.CaseCode); // not seen yet
        }

        return result;
    }

    public async Task<bool> WasShownAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var activity = await renderer.RenderAsync(message.Notice, cancellationToken);
        foreach (var channel in byName[message.Recipient.Channel])
        {
            if (await channel.WasShownAsync(message.Recipient, [activity], message.CreatedAt, cancellationToken)) // not before it was queued
            {
                return true;
            }
        }

        return false;
    }

    private async Task SetSupplementAsync(CitizenAddress citizen, string? code, CancellationToken cancellationToken, string? onlyIf = null)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var state = await users.LoadAsync(StateKeys.User(citizen), cancellationToken);
            if (onlyIf is not null && state.Value.SupplementCaseCode != onlyIf)
            {
                return;
            }

            state.Value.SupplementCaseCode = code;
            try
            {
                await users.SaveAsync(state, cancellationToken);
                return;
            }
            catch (StateConflictException)
            {
                // the citizen's own turn wrote meanwhile: read again
            }
        }
    }
}
