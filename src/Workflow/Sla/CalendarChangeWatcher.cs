using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Signals;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>
/// When <c>Calendar:Holidays</c> / <c>Calendar:WorkingWeekends</c> change (configuration reload, no release), waits
/// for the calendar to settle and has <see cref="DeadlineRecomputation"/> move the open deadlines.
/// </summary>
public sealed partial class CalendarChangeWatcher(
    IOptionsMonitor<CalendarOptions> calendarOptions,
    DeadlineRecomputation recomputation,
    TimeProvider clock,
    ILogger<CalendarChangeWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new WakeSignal();
        using var subscription = calendarOptions.OnChange(_ => changed.Notify());

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                await Task.Delay(Settle, clock, stoppingToken);
                try
                {
                    await recomputation.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(LogLevel.Error, "Recomputing deadlines after a calendar change failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
