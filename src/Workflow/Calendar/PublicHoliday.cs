namespace PhanHoi.Bot.Workflow.Calendar;

public enum HolidayKind
{
    /// <summary>A day Art. 112(1) names (computed; lunar days by the Vietnamese calendar).</summary>
    Statutory,

    /// <summary>The next working day, given because a statutory day fell on a weekend (Art. 111(3)).</summary>
    Compensation,

    /// <summary>A day of an officially announced break (it replaces the computed days of its occasion).</summary>
    Announced,
}

/// <summary>A day off for the civil service and why.</summary>
public readonly record struct PublicHoliday(DateOnly Date, HolidayOccasion Occasion, HolidayKind Kind);
