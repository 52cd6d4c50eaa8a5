using System.Globalization;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// Query parameters read by hand, so a value that is not a number, a yes/no or a day is named in the 400's
/// <c>errors</c> with the rule it broke, like any other invalid input.
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

    /// <summary>The page asked for (1 when none) and its size (20 when none, at most <paramref name="maxSize"/>).</summary>
    public static (int Page, int Size) Page(string? page, string? pageSize, int maxSize, IDictionary<string, string[]> errors)
    {
        var number = Number("page", page, errors) ?? 1;
        var size = Number("pageSize", pageSize, errors) ?? 20;
        if (!errors.ContainsKey("page") && number < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (!errors.ContainsKey("pageSize") && (size < 1 || size > maxSize))
        {
            errors["pageSize"] = [$"pageSize is 1 to {maxSize}."];
        }

        return (number, size);
    }

    /// <summary>A time or a Vietnam day (<see cref="LocalTimeInput"/>); a date stands for the <paramref name="edge"/> of its day.</summary>
    public static DateTimeOffset? Time(string name, string? text, DayEdge edge, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (LocalTimeInput.TryParse(text, edge, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be {LocalTimeInput.Expected}."];
        return null;
    }

    public static DateOnly? Date(string name, string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (LocalTimeInput.TryParseDate(text, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be a date, yyyy-MM-dd."];
        return null;
    }

    /// <summary>Free text to look for, cleaned as a body's text is (<see cref="PlainText"/>); null when there is none.</summary>
    public static string? Text(string? text) => PlainText.IsBlank(text) ? null : PlainText.Clean(text)!.Trim();

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
