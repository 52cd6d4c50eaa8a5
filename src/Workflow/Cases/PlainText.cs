using System.Globalization;
using System.Text;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Text as people type it, made fit to keep: the same word arrives precomposed or decomposed (kept NFC), and a pasted
/// or crafted text may carry control characters that no reader sees and PostgreSQL refuses outright (NUL).
/// </summary>
public static class PlainText
{
    /// <summary>NFC, without control characters other than tab and line breaks.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') < 0)
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\t' or '\n' or '\r')
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Nothing a reader would see: empty, or only spaces, control and invisible format characters (U+200B…).</summary>
    public static bool IsBlank(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }
}
