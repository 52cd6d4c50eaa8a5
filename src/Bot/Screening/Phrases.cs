using System.Text;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Screening;

/// <summary>
/// Whole-word phrase search in what a citizen wrote, either as typed (lower case, diacritics kept: "lồn" is not
/// "lớn") or folded (no diacritics, for slang typed without them).
/// </summary>
public sealed class Phrases
{
    private readonly string[] _phrases;
    private readonly bool _folded;

    private Phrases(IEnumerable<string> phrases, bool folded)
    {
        _folded = folded;
        _phrases = [.. phrases.Select(p => Words(p, folded))];
    }

    public static Phrases AsTyped(params string[] phrases) => new(phrases, folded: false);

    public static Phrases Folded(params string[] phrases) => new(phrases, folded: true);

    /// <summary>The phrases found in <paramref name="text"/>.</summary>
    public IEnumerable<string> FoundIn(string? text)
    {
        var words = Words(text, _folded);
        return _phrases.Where(p => p.Length > 2 && words.Contains(p, StringComparison.Ordinal));
    }

    public bool AnyIn(string? text) => FoundIn(text).Any();

    /// <summary>" word word " with every run of non-letters as one space, so a phrase matches whole words only.</summary>
    internal static string Words(string? text, bool folded)
    {
        var normalized = folded ? VietnameseText.Fold(text) : VietnameseText.Normalize(text);
        var builder = new StringBuilder(normalized.Length + 2).Append(' ');
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
