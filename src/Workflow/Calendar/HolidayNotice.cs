namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// The civil service's official break for one occasion of one year (Prime Minister's decision or the
/// Ministry of Home Affairs' notice): every day from <see cref="FirstDayOff"/> to <see cref="LastDayOff"/> is off,
/// weekends included, and the <see cref="MakeUpWorkingDays"/> (Saturdays worked for a swapped bridge day) are worked.
/// It replaces the days computed from the Labor Code for that occasion and year, compensation included.
/// </summary>
public sealed record HolidayNotice(
    int Year,
    HolidayOccasion Occasion,
    DateOnly FirstDayOff,
    DateOnly LastDayOff,
    IReadOnlyList<DateOnly> MakeUpWorkingDays,
    string Source)
{
    public IEnumerable<DateOnly> DaysOff()
    {
        for (var day = FirstDayOff; day <= LastDayOff; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
