using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// Civil-service working days (SPEC §3): Monday–Friday, minus public holidays and announced days off, plus make-up
/// Saturdays; then the <c>Calendar</c> configuration on top. Counting is O(1) per call after a year's table is built,
/// which statistics over many cases rely on. A configuration change swaps in a freshly built schedule, so callers
/// see either the old or the new calendar, never a mix.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingCalendar, IDisposable
{
    public const int MinYear = VietnameseLunarCalendar.MinYear;

    public const int MaxYear = VietnameseLunarCalendar.MaxYear;

    private readonly VietnamHolidays _holidays;
    private readonly IDisposable? _subscription;
    private volatile WorkingDaySchedule _schedule;

    /// <summary>Follows configuration: tables are rebuilt when <c>Calendar</c> changes.</summary>
    public WorkingDayCalendar(IOptionsMonitor<CalendarOptions> options, VietnamHolidays? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _holidays = holidays ?? VietnamHolidays.Official;
        _schedule = new WorkingDaySchedule(_holidays, options.CurrentValue);
        _subscription = options.OnChange(changed => _schedule = new WorkingDaySchedule(_holidays, changed));
    }

    /// <summary>A fixed configuration (defaults: no configured days, the built-in notices).</summary>
    public WorkingDayCalendar(CalendarOptions? options = null, VietnamHolidays? holidays = null)
    {
        _holidays = holidays ?? VietnamHolidays.Official;
        _schedule = new WorkingDaySchedule(_holidays, options ?? new CalendarOptions());
    }

    public bool IsWorkingDay(DateOnly date) => _schedule.IsWorkingDay(date);

    public DateOnly AddWorkingDays(DateOnly eventDate, int workingDays) => _schedule.AddWorkingDays(eventDate, workingDays);

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _schedule.WorkingDaysBetween(from, to);

    /// <summary>The public holidays behind the calendar for a year (configured days not included).</summary>
    public HolidayYear Holidays(int year) => _holidays.ForYear(year);

    public void Dispose() => _subscription?.Dispose();
}
