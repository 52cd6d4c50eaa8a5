namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>Vietnam's civil-service working days (SPEC §3, DOMAIN §2).</summary>
public interface IWorkingCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after an event on <paramref name="eventDate"/>:
    /// the event's day is not counted (Civil Code Art. 147); the result is always a working day (Art. 148).
    /// </summary>
    DateOnly AddWorkingDays(DateOnly eventDate, int workingDays);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 if to ≤ from).</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
