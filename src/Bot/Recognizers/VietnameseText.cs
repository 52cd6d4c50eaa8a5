using System.Globalization;
using System.Text;

namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Normalises what citizens type: the same word arrives precomposed or decomposed, with or without diacritics
/// (many type without), in any case and spacing.
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC, lower case, trimmed, inner whitespace collapsed to one space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var composed = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="Normalize"/> without diacritics (<c>đ</c> → <c>d</c>) and without punctuation or emoji at either end:
    /// the form used for matching, never for storing.
    /// </summary>
    public static string Fold(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var decomposed = normalized.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'd',
                _ => c,
            });
        }

        return TrimNonWords(builder.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>The text without punctuation, emoji and spaces at either end: they are no part of an answer ("Ok!", "OK 👌", "(1)").</summary>
    public static string TrimNonWords(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }
}
