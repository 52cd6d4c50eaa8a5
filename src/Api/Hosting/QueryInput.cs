using System.Globalization;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// Query parameters read by hand, so a value that is not a number or a yes/no is named in the 400's
/// <c>errors</c> like any other invalid input (the framework's own binding answers a bare 400).
/// </summary>
public static class QueryInput
{
    public static int? Number(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number."];
        return null;
    }

    public static DateOnly? Date(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be a date, yyyy-MM-dd."];
        return null;
    }

    public static bool? YesNo(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be true or false."];
        return null;
    }
}
