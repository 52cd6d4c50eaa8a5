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
    private readonly string[][] _foldedWords;
    private readonly Mode _mode;

    private Phrases(IEnumerable<string> phrases, Mode mode)
    {
        _mode = mode;
        var list = phrases.ToArray();
        _phrases = [.. list.Select(p => Words(p, mode == Mode.Folded))];
        _words = [.. list.Select(p => WordsOf(p).ToArray())];
        _foldedWords = [.. _words.Select(p => p.Select(VietnameseText.Fold).ToArray())];
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
            return Enumerable.Range(0, _words.Length).Where(i => StandsIn(i, words, 0)).Select(i => string.Join(' ', _words[i]));
        }

        var spaced = Words(text, _mode == Mode.Folded);
        return _phrases.Where(p => p.Length > 2 && spaced.Contains(p, StringComparison.Ordinal));
    }

    public bool AnyIn(string? text) => FoundIn(text).Any();

    /// <summary>How many words of <paramref name="words"/> from <paramref name="at"/> one of the phrases takes (the longest), or 0.</summary>
    public int LengthAt(IReadOnlyList<string> words, int at)
    {
        var longest = 0;
        for (var i = 0; i < _words.Length; i++)
        {
            if (_words[i].Length > longest && Matches(i, words, at))
            {
                longest = _words[i].Length;
            }
        }

        return longest;
    }

    /// <summary>Whether one of the phrases stands anywhere in <paramref name="words"/> from <paramref name="from"/> on.</summary>
    public bool AnyIn(IReadOnlyList<string> words, int from)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (StandsIn(i, words, from))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="typed"/> is <paramref name="phrase"/>, word by word as each was typed (<see cref="Marked"/>).</summary>
    public static bool SameAsTyped(string phrase, string typed)
    {
        var words = WordsOf(typed);
        var expected = WordsOf(phrase);
        return words.Count == expected.Count && MatchesAt([.. expected], [.. expected.Select(VietnameseText.Fold)], words, 0);
    }

    /// <summary>The words of a text: normalized (NFC, lower case), split at anything but a letter or a digit.</summary>
    public static IReadOnlyList<string> WordsOf(string? text) =>
        Words(text, folded: false).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private bool StandsIn(int phrase, IReadOnlyList<string> words, int from)
    {
        for (var at = from; at + _words[phrase].Length <= words.Count; at++)
        {
            if (Matches(phrase, words, at))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(int index, IReadOnlyList<string> words, int at)
    {
        var phrase = _words[index];
        if (_mode == Mode.Marked)
        {
            return MatchesAt(phrase, _foldedWords[index], words, at);
        }

        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var same = _mode == Mode.Folded ? _foldedWords[index][k] == VietnameseText.Fold(words[at + k]) : phrase[k] == words[at + k];
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    // A word typed as the phrase has it, or typed bare where the phrase's word folds to it (a bare word equal to a folded
    // one carries no diacritics of its own, so "ngủ" never meets "ngu").
    private static bool MatchesAt(string[] phrase, string[] folded, IReadOnlyList<string> words, int at)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (words[at + k] != phrase[k] && words[at + k] != folded[k])
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
