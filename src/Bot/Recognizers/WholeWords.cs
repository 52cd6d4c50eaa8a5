namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Where words stand in folded text as whole words: "có ạ" starts with "có", "cơm" does not; "thủy" does not hold
/// "hủy". Word boundaries are anything but a letter or a digit.
/// </summary>
public static class WholeWords
{
    /// <summary>Whether <paramref name="text"/> begins with <paramref name="words"/>, ending at a word boundary.</summary>
    public static bool StartWith(string text, string words) =>
        text.StartsWith(words, StringComparison.Ordinal) && EndsAtBoundary(text, words.Length);

    /// <summary>Where <paramref name="words"/> first stand in <paramref name="text"/> as whole words, or -1.</summary>
    public static int IndexIn(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && EndsAtBoundary(text, at + words.Length))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool EndsAtBoundary(string text, int end) => end == text.Length || !char.IsLetterOrDigit(text[end]);
}
