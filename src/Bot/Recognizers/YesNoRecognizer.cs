using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Yes/no as Vietnamese citizens type it, with or without diacritics (<c>có</c>, <c>co</c>, <c>ừ</c>, <c>ko</c>…).
/// Diacritics decide where folding would confuse: "đúng" is yes, "đừng" and "dừng" are no, a bare "dung" is asked
/// again. A polite opener ("dạ", "thưa") is not an answer by itself unless it is all there is: "dạ không" is no. A no
/// anywhere outweighs: "đã hỏi nhưng chưa đồng ý" is no, and a yes followed by a no ("có, nhưng chưa") is asked again.
/// </summary>
public static class YesNoRecognizer
{
    // Folded, matched as whole words at the start. "No" is tried first so "không đồng ý" is not read as "đồng ý".
    private static readonly string[] No = ["khong dong y", "khong", "ko", "k", "kg", "no", "thoi", "chua", "hong", "khum", "nope", "khoi"];
    private static readonly string[] Yes = ["co", "u", "uh", "um", "ok", "oke", "okay", "dong y", "vang", "duoc", "yes", "y", "chac chan", "phai", "roi", "da dong y", "da roi"];

    // "dạ", "đã" (both "da" folded), "thưa": a yes when alone, an opener before an answer.
    private static readonly string[] Openers = ["da", "thua"];
    private static readonly string[] OpenersAsTyped = ["dạ", "đã", "thưa", "da", "thua"];

    private static readonly Phrases NoAsTyped = Phrases.AsTyped("đừng", "dừng");
    private static readonly string[] YesAsTyped = ["đúng"];
    private static readonly Phrases NoAnywhere = Phrases.Folded("khong", "chua", "ko", "kg", "hong", "khum");

    public static bool? Recognize(string? text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var answer = WithoutOpeners(folded, Openers);
        if (answer.Length == 0)
        {
            return true; // "dạ", "dạ ạ", "đã"
        }

        if (NoAsTyped.AnyIn(text) || No.Any(word => WholeWords.StartWith(answer, word)))
        {
            return false;
        }

        var yes = Yes.FirstOrDefault(word => WholeWords.StartWith(answer, word));
        if (yes is not null || StartsWithTypedYes(text))
        {
            var rest = yes is null ? string.Empty : answer[yes.Length..];
            return NoAnywhere.AnyIn(rest) ? null : true;
        }

        return NoAnywhere.AnyIn(answer) ? false : null;
    }

    private static string WithoutOpeners(string text, string[] openers)
    {
        var rest = text;
        for (var opener = openers.FirstOrDefault(o => WholeWords.StartWith(rest, o)); opener is not null;
             opener = openers.FirstOrDefault(o => WholeWords.StartWith(rest, o)))
        {
            rest = rest[opener.Length..].TrimStart(' ', ',', '.', '!', '…');
        }

        return rest;
    }

    private static bool StartsWithTypedYes(string? text)
    {
        var typed = WithoutOpeners(VietnameseText.Normalize(text).TrimStart('.', ',', '!', '?', ' '), OpenersAsTyped);
        return YesAsTyped.Any(word => WholeWords.StartWith(typed, word));
    }
}
