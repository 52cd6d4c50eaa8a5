using System.Globalization;
using System.Text;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The form in which case content is stored for <c>q</c> and in which the query is compared to it: lower case, without
/// diacritics, <c>đ</c> → <c>d</c>. Staff type "duong" as often as "đường"; both must find the case.
/// </summary>
public static class AccentFolding
{
    /// <summary>
    /// Folds <paramref name="text"/>: NFC, lower case, combining marks removed (NFD), <c>đ</c>/<c>Đ</c> → <c>d</c>.
    /// Whitespace and punctuation are kept, so <c>LIKE</c> patterns still match what was typed.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c == 'đ' ? 'd' : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
