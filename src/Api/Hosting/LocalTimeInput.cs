using System.Globalization;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// Times staff type: a date (<c>2026-12-10</c>) is a day in Vietnam (UTC+7), taken from its start or to its end; a
/// time without an offset is Vietnam's time; one with an offset is that instant.
/// </summary>
public static class LocalTimeInput
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

        if (DateOnly.TryParseExact(trimmed, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = edge == DayEdge.End
                ? LocalClock.EndOfDay(date)
                : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), LocalClock.Offset);
            return true;
        }

        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
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
}

/// <summary>Which end of a day a date alone stands for.</summary>
public enum DayEdge
{
    Start,
    End,
}
