namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// One solar year's civil-service days off (in date order; statutory days that fall on a weekend are listed too)
/// and the Saturdays worked to make up swapped days.
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyList<PublicHoliday> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkingDays)
{
    public bool IsDayOff(DateOnly date) => DaysOff.Any(holiday => holiday.Date == date);

    public bool IsMakeUpWorkingDay(DateOnly date) => MakeUpWorkingDays.Contains(date);
}
