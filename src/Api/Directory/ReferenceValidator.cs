using System.Text.RegularExpressions;

namespace PhanHoi.Bot.Api.Directory;

/// <summary>Collects field errors of a reference-data request (codes are short upper-case identifiers).</summary>
public sealed partial class ReferenceValidator
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public ReferenceValidator Code(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code.Trim()))
        {
            Add("code", "A code of 2–32 letters, digits, '-', '_' or '.' is required.");
        }

        return this;
    }

    public ReferenceValidator Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            Add("name", "A name of at most 200 characters is required.");
        }

        return this;
    }

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    [GeneratedRegex("^[A-Za-z0-9_.-]{2,32}$")]
    private static partial Regex CodePattern();
}
