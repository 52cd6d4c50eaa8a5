namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// Used when no chat channel is wired in: notices are held (visible to staff) rather than dropped, and go out
/// when the citizen next writes through a channel that can deliver them.
/// </summary>
public sealed class HoldingNoticeSender : INoticeSender
{
    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new SendResult(SendOutcome.OutsideWindow, $"no sender for channel '{message.Recipient.Channel}'"));

    /// <summary>It never sends, so nothing was ever shown.</summary>
    public Task<bool> WasShownAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(false);
}
