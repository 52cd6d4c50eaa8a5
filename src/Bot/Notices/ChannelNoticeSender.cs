using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Notices;

/// <summary>The outbox's sender once the bot is wired in: renders the notice and hands it to the citizen's channel.</summary>
public sealed class ChannelNoticeSender(NoticeRenderer renderer, IEnumerable<IProactiveChannel> channels) : INoticeSender
{
    private readonly Dictionary<string, IProactiveChannel> byName =
        channels.ToDictionary(c => c.Channel, StringComparer.OrdinalIgnoreCase);

    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        byName.TryGetValue(message.Recipient.Channel, out var channel)
            ? channel.SendAsync(message.Recipient, [renderer.Render(message.Notice)], cancellationToken)
            : Task.FromResult(new SendResult(SendOutcome.OutsideWindow, $"channel '{message.Recipient.Channel}' is not configured"));
}
