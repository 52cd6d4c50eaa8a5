using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Signals;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>
/// Keeps open deadlines on the current calendar: has <see cref="DeadlineRecomputation"/> move them once at start (a
/// <c>Calendar:Holidays</c> / <c>Calendar:WorkingWeekends</c> set in environment variables changes only with a restart)
/// and again whenever the configuration reloads, after the calendar settles. Moving is idempotent and each case is
/// written against its version, so instances starting together move every case once.
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
        using var subscription = calendarOptions.OnChange(_ => changed.Notify()); // before the start run: no change is missed

        try
        {
            await RecomputeAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                await Task.Delay(Settle, clock, stoppingToken);
                await RecomputeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RecomputeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recomputation.RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "Recomputing open deadlines on the current calendar failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
