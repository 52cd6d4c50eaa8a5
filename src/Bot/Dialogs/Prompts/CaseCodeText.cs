using System.Globalization;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// A tracking code as citizens type it: upper-cased, without spaces or a leading <c>#</c>. Whether dashes are
/// there is left to the workflow, which accepts a code with or without them.
/// </summary>
public static class CaseCodeText
{
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

    /// <summary>The code without dashes, as a citizen may type it.</summary>
    public static string Compact(string code) => code.Replace("-", string.Empty, StringComparison.Ordinal);
}
