using System.Globalization;

namespace PhanHoi.Bot.Definitions;

/// <summary>Dates as citizens read them: dd/MM/yyyy, instants in Vietnam time (Asia/Ho_Chi_Minh).</summary>
public static class DisplayDates
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Of(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Of(DateTimeOffset instant) => Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Vietnam).DateTime));

    /// <summary>
    /// A value from the workflow shown as a date if it is one (<c>2026-03-16</c> or an ISO instant), else unchanged:
    /// notices carry dates in ISO form and citizens read them as dd/MM/yyyy.
    /// </summary>
    public static string Reformat(string value)
    {
        if (value.Length == 10
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Of(date);
        }

        return value.Length > 10 && value[4] == '-' && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? Of(instant)
            : value;
    }
}
