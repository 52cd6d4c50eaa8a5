namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>One year's working days as a prefix sum, so counts between two dates are two array reads.</summary>
internal sealed class WorkingYear
{
    // _workingDaysThrough[n] = working days among days 1..n of the year; [0] = 0.
    private readonly int[] _workingDaysThrough;

    public WorkingYear(int year, HolidayYear holidays, IReadOnlySet<DateOnly> configuredDaysOff, IReadOnlySet<DateOnly> configuredWorkingDays)
    {
        var daysOff = holidays.DaysOff.Select(holiday => holiday.Date).ToHashSet();
        var makeUpDays = holidays.MakeUpWorkingDays.ToHashSet();
        var first = new DateOnly(year, 1, 1);
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        _workingDaysThrough = new int[length + 1];
        for (var index = 1; index <= length; index++)
        {
            var date = first.AddDays(index - 1);
            var working = IsWorking(date, daysOff, makeUpDays, configuredDaysOff, configuredWorkingDays);
            _workingDaysThrough[index] = _workingDaysThrough[index - 1] + (working ? 1 : 0);
        }
    }

    public int Total => _workingDaysThrough[^1];

    public bool IsWorkingDay(DateOnly date) =>
        _workingDaysThrough[date.DayOfYear] != _workingDaysThrough[date.DayOfYear - 1];

    /// <summary>Working days from 1 January up to and including <paramref name="date"/>.</summary>
    public int WorkingDaysThrough(DateOnly date) => _workingDaysThrough[date.DayOfYear];

    /// <summary>
    /// Configuration outranks the built-in notices (it is how an admin corrects them), and a configured working day
    /// outranks a configured day off (the validator refuses a date in both lists).
    /// </summary>
    private static bool IsWorking(
        DateOnly date,
        HashSet<DateOnly> daysOff,
        HashSet<DateOnly> makeUpDays,
        IReadOnlySet<DateOnly> configuredDaysOff,
        IReadOnlySet<DateOnly> configuredWorkingDays)
    {
        if (configuredWorkingDays.Contains(date))
        {
            return true;
        }

        if (configuredDaysOff.Contains(date))
        {
            return false;
        }

        if (makeUpDays.Contains(date))
        {
            return true;
        }

        return !VietnamHolidays.IsWeekend(date) && !daysOff.Contains(date);
    }
}
