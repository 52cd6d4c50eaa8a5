namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// A date of the Vietnamese lunisolar calendar. <see cref="IsLeapMonth"/> marks the intercalary month that repeats
/// <see cref="Month"/> (e.g. the leap 3rd month of 2031 follows the ordinary 3rd month).
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() =>
        $"{Day:00}/{Month:00}{(IsLeapMonth ? " (leap)" : string.Empty)}/{Year}";
}
