using System.Globalization;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// A tracking code as citizens type it: upper-cased, without spaces or a leading <c>#</c>. Whether dashes are
/// there is left to the workflow, which accepts a code with or without them.
/// </summary>
public static partial class CaseCodeText
{
    /// <summary>A well-formed tracking code written anywhere in the text ("tra cứu TH-Q04H-89KA", "mã là th q04h 89ka"), or null.</summary>
    public static string? Find(string? text)
    {
        var match = text is null ? null : Written().Match(text);
        return match is { Success: true } && Workflow.Cases.CaseCodeGenerator.Normalize(match.Value) is var code
               && Workflow.Cases.CaseCodeGenerator.IsWellFormed(code)
            ? code
            : null;
    }

    /// <summary>The cleaned code, or null when the text cannot be a code.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var code = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).TrimStart('#').TrimEnd('.', '?', '!').ToUpper(CultureInfo.InvariantCulture);
        var valid = code.Length is >= CaseCodeRecognizer.MinimumLength and <= CaseCodeRecognizer.MaximumLength
            && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
        return valid ? code : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}\d])TH[\s\-_.]?[0-9A-Z]{4}[\s\-_.]?[0-9A-Z]{4}(?![\p{L}\d])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Written();

    /// <summary>The code without dashes, as a citizen may type it.</summary>
    public static string Compact(string code) => code.Replace("-", string.Empty, StringComparison.Ordinal);
}
