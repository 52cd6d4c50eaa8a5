using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// Hands queued notices to the channel-neutral <see cref="INoticeSender"/>: retries transient failures with
/// backoff, holds what the platform's window refuses, and marks each message once it is out. Messages of one
/// citizen go out in order; different citizens in parallel.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    INoticeSender sender,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger,
    ChannelRecovery? recovery = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, ex);
                handled = 0;
            }

            if (handled < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one batch and sends it; returns how many messages it handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = await store.ClaimDueAsync(settings.BatchSize, settings.Lease, clock.GetUtcNow(), cancellationToken);
        await Task.WhenAll(batch.GroupBy(m => m.Recipient).Select(g => SendInOrderAsync(g, cancellationToken)));
        return batch.Count;
    }

    private async Task SendInOrderAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages.OrderBy(m => m.Id))
        {
            if (!await SendAsync(message, cancellationToken))
            {
                return; // later messages of this citizen wait behind the one that did not go out
            }
        }
    }

    private async Task<bool> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (WindowClosed(message))
        {
            // A reminder that the window closes soon is pointless once it closed (it waited behind a retry or a hold).
            return await DropLateReminderAsync(message, cancellationToken);
        }

        SendResult result;
        try
        {
            result = await SendUnlessShownAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = new SendResult(SendOutcome.RetryLater, ex.GetType().Name);
        }

        var settings = options.Value;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await RecordAsync(() => store.MarkSentAsync(message.Id, clock.GetUtcNow(), cancellationToken), message, cancellationToken);
                if (recovery is not null)
                {
                    await recovery.DeliveredAsync(message.Recipient.Channel, cancellationToken);
                }

                return true;
            case SendOutcome.OutsideWindow when message.Notice.Kind == NoticeKind.WindowClosing:
                return await DropLateReminderAsync(message, cancellationToken);
            case SendOutcome.OutsideWindow:
                await RecordAsync(() => store.HoldAsync(message.Id, HeldReason(result.Detail), cancellationToken), message, cancellationToken);
                LogHeld(logger, message.Id, message.Recipient.Channel);
                return false;
            case SendOutcome.Undeliverable:
                await RecordAsync(() => store.MarkUndeliverableAsync(message.Id, result.Detail ?? "refused by the platform", cancellationToken), message, cancellationToken);
                LogUndeliverable(logger, message.Id, message.Recipient.Channel, result.Detail);
                return true;
            default:
                recovery?.Failed(message.Recipient.Channel);
                var next = clock.GetUtcNow() + RetrySchedule.Delay(message.Attempts + 1, settings.FirstRetry, settings.MaxRetry);
                await RecordAsync(() => store.RescheduleAsync(message.Id, next, result.Detail ?? "transient failure", cancellationToken), message, cancellationToken);
                LogRetry(logger, message.Id, message.Recipient.Channel, message.Attempts + 1, result.Detail);
                return false;
        }
    }

    private const string LateReminder = "not sent: the chat window it reminds of had already closed";

    /// <summary>What staff read on a held notice: why it waits, and the platform's own words.</summary>
    private static string HeldReason(string? detail) =>
        detail is null ? "outside the platform's messaging window" : $"outside the platform's messaging window ({detail})";

    /// <summary>A reminder is never held: released at the citizen's next message, it would ask them to write after they did.</summary>
    private async Task<bool> DropLateReminderAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await RecordAsync(() => store.MarkUndeliverableAsync(message.Id, LateReminder, cancellationToken), message, cancellationToken);
        return true;
    }

    private bool WindowClosed(OutboxMessage message) =>
        message.Notice.Kind == NoticeKind.WindowClosing
        && message.Notice.Values.TryGetValue("until", out var until)
        && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var closesAt)
        && clock.GetUtcNow() >= closesAt;

    /// <summary>A message whose earlier send was interrupted is sent again only if the citizen's chat does not show it.</summary>
    private async Task<SendResult> SendUnlessShownAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Interrupted)
        {
            if (await sender.WasShownAsync(message, cancellationToken))
            {
                LogShownBefore(logger, message.Id, message.Recipient.Channel);
                return SendResult.Sent;
            }

            LogSentAgain(logger, message.Id, message.Recipient.Channel);
        }

        return await sender.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// Records what became of a message even if the database blinks (a restart), so a notice that went out is not
    /// sent again when its lease ends, and one that did not is not left leased meanwhile.
    /// </summary>
    private Task RecordAsync(Func<Task> write, OutboxMessage message, CancellationToken cancellationToken) =>
        StoreWriteRetry.RunAsync(
            write, RecordRetries, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), ex => LogRecordRetry(logger, message.Id, ex.GetType().Name), cancellationToken);

    private const int RecordRetries = 15;

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId}: recording its outcome failed ({Failure}); retrying")]
    private static partial void LogRecordRetry(ILogger logger, long messageId, string failure);

    [LoggerMessage(LogLevel.Error, "Outbox dispatch round failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} on {Channel} was interrupted and the chat already shows it: not sent again")]
    private static partial void LogShownBefore(ILogger logger, long messageId, string channel);

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} on {Channel} was interrupted and the chat does not show it (or cannot tell): sent again")]
    private static partial void LogSentAgain(ILogger logger, long messageId, string channel);

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} on {Channel} held until the citizen writes again")]
    private static partial void LogHeld(ILogger logger, long messageId, string channel);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} on {Channel} is undeliverable: {Detail}")]
    private static partial void LogUndeliverable(ILogger logger, long messageId, string channel, string? detail);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} on {Channel} failed (attempt {Attempt}): {Detail}")]
    private static partial void LogRetry(ILogger logger, long messageId, string channel, int attempt, string? detail);
}
