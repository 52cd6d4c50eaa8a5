namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// An immutable view of the working days for one configuration. Years are built on first use, once, thread-safely;
/// a configuration change builds a new schedule instead of mutating this one.
/// </summary>
internal sealed class WorkingDaySchedule
{
    private readonly Lazy<WorkingYear>[] _years;

    public WorkingDaySchedule(VietnamHolidays holidays, CalendarOptions options)
    {
        var daysOff = options.ParsedHolidays();
        var workingDays = options.ParsedWorkingWeekends();
        _years = new Lazy<WorkingYear>[WorkingDayCalendar.MaxYear - WorkingDayCalendar.MinYear + 1];
        for (var index = 0; index < _years.Length; index++)
        {
            var year = WorkingDayCalendar.MinYear + index;
            _years[index] = new Lazy<WorkingYear>(
                () => new WorkingYear(year, holidays.ForYear(year), daysOff, workingDays),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public bool IsWorkingDay(DateOnly date) => Year(date.Year, nameof(date)).IsWorkingDay(date);

    public DateOnly AddWorkingDays(DateOnly eventDate, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        // Art. 147: the event's own day is not counted; zero days means "the next working day from the event on".
        var date = eventDate;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var first = Year(from.Year, nameof(from));
        var last = Year(to.Year, nameof(to));
        if (to <= from)
        {
            return 0;
        }

        if (from.Year == to.Year)
        {
            return last.WorkingDaysThrough(to) - first.WorkingDaysThrough(from);
        }

        var count = first.Total - first.WorkingDaysThrough(from) + last.WorkingDaysThrough(to);
        for (var year = from.Year + 1; year < to.Year; year++)
        {
            count += Year(year, nameof(to)).Total;
        }

        return count;
    }

    private WorkingYear Year(int year, string parameterName)
    {
        if (year is < WorkingDayCalendar.MinYear or > WorkingDayCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, year, $"The working calendar covers {WorkingDayCalendar.MinYear}–{WorkingDayCalendar.MaxYear}.");
        }

        return _years[year - WorkingDayCalendar.MinYear].Value;
    }
}
