using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// A case takes longer than a platform lets the service write to a citizen after their last message (Messenger 24 hours,
/// Zalo 7 days); what the service cannot send is held until they write again (SPEC §4). Shortly before that window closes,
/// a citizen whose case is still being handled is reminded, through the outbox, that one answer keeps the notices coming:
/// once per message they send, never at night, and not when too little of the window is left for the reminder to arrive.
/// Once an hour, citizens whose window closed more than a day ago are forgotten.
/// </summary>
public sealed partial class WindowReminders(
    IChatWindowStore store, OutboxSignal signal, TimeProvider clock, IOptions<WindowReminderOptions> options, ILogger<WindowReminders> logger)
    : BackgroundService
{
    /// <summary>How often citizens whose window closed long ago are forgotten.</summary>
    public static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    /// <summary>How long after a window closed its citizen is still remembered.</summary>
    public static readonly TimeSpan KeptAfterClosing = TimeSpan.FromDays(1);

    private DateTimeOffset lastForgotten = DateTimeOffset.MinValue;

    /// <summary>Queues the reminders due now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (settings.Enabled && now - lastForgotten >= ForgetEvery)
        {
            await ForgetClosedAsync(settings, now, cancellationToken);
        }

        if (!settings.Enabled || settings.IsQuiet(TimeOnly.FromDateTime(LocalClock.ToLocal(now).DateTime)))
        {
            return 0;
        }

        var queued = 0;
        foreach (var channel in settings.RemindedChannels)
        {
            var policy = settings.Channels[channel];
            var count = await store.QueueRemindersAsync(
                channel,
                wroteAfter: now - policy.Window + settings.Margin,
                wroteBy: now - policy.Window + policy.Lead,
                policy.Window,
                now,
                settings.BatchSize,
                cancellationToken);
            if (count > 0)
            {
                LogQueued(logger, count, channel);
            }

            queued += count;
        }

        if (queued > 0)
        {
            signal.Notify();
        }

        return queued;
    }

    /// <summary>
    /// A citizen whose window closed a day ago can never be reminded again until they write (which records them anew):
    /// what is no longer needed is not kept.
    /// </summary>
    private async Task ForgetClosedAsync(WindowReminderOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var channel in settings.RemindedChannels)
        {
            var forgotten = await store.ForgetBeforeAsync(channel, now - settings.Channels[channel].Window - KeptAfterClosing, cancellationToken);
            if (forgotten > 0)
            {
                LogForgotten(logger, forgotten, channel);
            }
        }

        lastForgotten = now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} citizen(s) on {Channel} reminded that their chat window closes soon while their case is open")]
    private static partial void LogQueued(ILogger logger, int count, string channel);

    [LoggerMessage(LogLevel.Information, "{Count} citizen(s) on {Channel} whose chat window closed over a day ago forgotten")]
    private static partial void LogForgotten(ILogger logger, int count, string channel);

    [LoggerMessage(LogLevel.Warning, "Looking for citizens to remind before their chat window closes failed ({Failure}); trying again next round")]
    private static partial void LogFailed(ILogger logger, string failure);
}
