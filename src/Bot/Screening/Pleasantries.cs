using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Screening;

/// <summary>
/// A message that is only a greeting, a thank-you or an acknowledgment ("xin chào", "ok", "cảm ơn ạ"), or only a
/// tracking code: no part of what a citizen is asked to supplement.
/// </summary>
public static class Pleasantries
{
    private const int MaxWords = 4;

    private static readonly Phrases Words = Phrases.Marked(
        "xin chào", "chào", "alo", "hello", "hi", "ad ơi", "ok", "oke", "okay", "cảm ơn", "cám ơn", "thanks", "vâng", "dạ", "ừ", "được", "rồi", "ạ",
        "nhé", "nha", "bạn", "ad", "anh", "chị", "em");

    public static bool IsOnly(string? text)
    {
        var words = Phrases.WordsOf(text);
        if (words.Count == 0 || words.Count > MaxWords)
        {
            return false;
        }

        if (CaseCodeText.Find(text) is not null)
        {
            return true; // a bare code ("TH-AAAA-0001"), or with a word or two
        }

        for (var at = 0; at < words.Count;)
        {
            var length = Words.LengthAt(words, at);
            if (length == 0)
            {
                return false;
            }

            at += length;
        }

        return true;
    }
}
