using System.Globalization;
using System.Text.RegularExpressions;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// Times staff type: a date (<c>2026-12-10</c>) is a day in Vietnam (UTC+7), taken from its start or to its end; a
/// time without an offset is Vietnam's time; one with an offset is that instant.
/// </summary>
public static partial class LocalTimeInput
{
    public const string Expected = "a date (yyyy-MM-dd, Vietnam time) or a time in ISO 8601 (2026-12-10T08:00:00+07:00)";

    private static readonly string[] DateForms = ["yyyy-MM-dd"];

    public static bool TryParse(string? text, DayEdge edge, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (TryParseDate(trimmed, out var date))
        {
            value = edge == DayEdge.End
                ? LocalClock.EndOfDay(date)
                : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), LocalClock.Offset);
            return true;
        }

        // ISO 8601 only: "02/01/2027" is 2 January to a Vietnamese reader and 1 February to the invariant culture.
        if (!IsoTime().IsMatch(trimmed)
            || !DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            || !Plausible(parsed.Year))
        {
            return false;
        }

        value = parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, LocalClock.Offset),
            _ => DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
        return true;
    }

    /// <summary>A day, <c>yyyy-MM-dd</c>, in years the calendar can count in.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Plausible(date.Year);

    // Far enough from year 1 and 9999 that moving to or from UTC+7 cannot leave the calendar.
    private static bool Plausible(int year) => year is >= 1900 and <= 9998;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();
}

/// <summary>Which end of a day a date alone stands for.</summary>
public enum DayEdge
{
    Start,
    End,
}
