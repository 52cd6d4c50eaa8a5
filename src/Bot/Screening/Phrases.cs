using System.Text;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Screening;

/// <summary>
/// Whole-word phrase search in what a citizen wrote: as typed (lower case, diacritics kept: "lồn" is not "lớn"), folded
/// (no diacritics, for slang typed without them), or word by word as each word was typed (<see cref="Marked"/>).
/// </summary>
public sealed class Phrases
{
    private readonly string[] _phrases;
    private readonly string[][] _words;
    private readonly Mode _mode;

    private Phrases(IEnumerable<string> phrases, Mode mode)
    {
        _mode = mode;
        var list = phrases.ToArray();
        _phrases = [.. list.Select(p => Words(p, mode == Mode.Folded))];
        _words = [.. list.Select(p => WordsOf(p).ToArray())];
    }

    private enum Mode
    {
        AsTyped,
        Folded,
        Marked,
    }

    public static Phrases AsTyped(params string[] phrases) => new(phrases, Mode.AsTyped);

    public static Phrases Folded(params string[] phrases) => new(phrases, Mode.Folded);

    /// <summary>
    /// Phrases written with their diacritics, matched word by word as the citizen typed each word: a word typed with
    /// diacritics must be that word ("ngủ" is not "ngu", "Hồng" not "hông"), a word typed without them may be any
    /// word that folds to it ("khong ạ" says "không"). For replies that mix both, as quick typing does.
    /// </summary>
    public static Phrases Marked(params string[] phrases) => new(phrases, Mode.Marked);

    /// <summary>The phrases found in <paramref name="text"/>.</summary>
    public IEnumerable<string> FoundIn(string? text)
    {
        if (_mode == Mode.Marked)
        {
            var words = WordsOf(text);
            return _words.Where(p => Enumerable.Range(0, Math.Max(0, words.Count - p.Length + 1)).Any(at => MatchesAt(p, words, at)))
                .Select(p => string.Join(' ', p));
        }

        var spaced = Words(text, _mode == Mode.Folded);
        return _phrases.Where(p => p.Length > 2 && spaced.Contains(p, StringComparison.Ordinal));
    }

    public bool AnyIn(string? text) => FoundIn(text).Any();

    /// <summary>How many words of <paramref name="words"/> from <paramref name="at"/> one of the phrases takes (the longest), or 0.</summary>
    public int LengthAt(IReadOnlyList<string> words, int at) =>
        _words.Where(p => at + p.Length <= words.Count && Matches(p, words, at)).Select(p => p.Length).DefaultIfEmpty(0).Max();

    /// <summary>Whether one of the phrases stands anywhere in <paramref name="words"/> from <paramref name="from"/> on.</summary>
    public bool AnyIn(IReadOnlyList<string> words, int from) =>
        Enumerable.Range(from, Math.Max(0, words.Count - from)).Any(at => LengthAt(words, at) > 0);

    /// <summary>The words of a text: normalized (NFC, lower case), split at anything but a letter or a digit.</summary>
    public static IReadOnlyList<string> WordsOf(string? text) =>
        Words(text, folded: false).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private bool Matches(string[] phrase, IReadOnlyList<string> words, int at) => _mode switch
    {
        Mode.Marked => MatchesAt(phrase, words, at),
        Mode.Folded => phrase.Select((w, k) => VietnameseText.Fold(w) == VietnameseText.Fold(words[at + k])).All(x => x),
        _ => phrase.Select((w, k) => w == words[at + k]).All(x => x),
    };

    private static bool MatchesAt(string[] phrase, IReadOnlyList<string> words, int at)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var typed = words[at + k];
            if (typed != phrase[k] && (VietnameseText.HasDiacritics(typed) || typed != VietnameseText.Fold(phrase[k])))
            {
                return false;
            }
        }

        return true;
    }

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
