using System.Text;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>
/// Cuts a long answer into pieces a platform accepts, at the most natural boundary that fits: a paragraph, a line,
/// the end of a sentence, a space; only a single unbroken run longer than the limit is cut mid-word.
/// </summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var rest = text.Normalize(NormalizationForm.FormC).Trim();
        var pieces = new List<string>();
        while (rest.Length > limit)
        {
            var cut = CutAt(rest, limit);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    private static int CutAt(string text, int limit)
    {
        var window = text.AsSpan(0, limit + 1);
        var half = limit / 2;

        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= half)
        {
            return paragraph;
        }

        var line = window.LastIndexOf('\n');
        if (line >= half)
        {
            return line;
        }

        var sentence = LastSentenceEnd(window);
        if (sentence >= half)
        {
            return sentence;
        }

        var space = window.LastIndexOfAny(' ', '\t');
        if (space > 0)
        {
            return space;
        }

        // No boundary at all: cut hard, but never between the two halves of a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    /// <summary>The index just after a sentence's final punctuation that is followed by whitespace, or -1.</summary>
    private static int LastSentenceEnd(ReadOnlySpan<char> window)
    {
        for (var i = window.Length - 2; i >= 0; i--)
        {
            if (window[i] is '.' or '!' or '?' or '…' or ';' && char.IsWhiteSpace(window[i + 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
