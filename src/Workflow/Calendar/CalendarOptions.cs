using System.Globalization;

namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// Configuration section <c>Calendar</c> (CONTRACT.md): a year's official notice applied without a release.
/// Dates are local dates written <c>yyyy-MM-dd</c>.
/// </summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Extra days off (e.g. a swapped bridge day). Outranks the built-in make-up Saturdays.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Extra working days, normally make-up Saturdays. Outrank every day off, configured ones included.</summary>
    public List<string> WorkingWeekends { get; set; } = [];

    internal static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    internal IReadOnlySet<DateOnly> ParsedHolidays() => Parse(Holidays);

    internal IReadOnlySet<DateOnly> ParsedWorkingWeekends() => Parse(WorkingWeekends);

    // Unparseable entries are the validator's to report at start; here they are skipped rather than thrown mid-request.
    private static HashSet<DateOnly> Parse(IEnumerable<string>? values) =>
        [.. (values ?? []).Select(value => TryParseDate(value, out var date) ? date : (DateOnly?)null).OfType<DateOnly>()];
}
