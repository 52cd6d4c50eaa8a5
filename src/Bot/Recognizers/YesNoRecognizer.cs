using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Yes/no as Vietnamese citizens type it, with or without diacritics (<c>có</c>, <c>co</c>, <c>ừ</c>, <c>ko</c>…). A
/// reply typed with diacritics is read as typed, so folding cannot confuse: "đúng" is yes, "đừng" and "dừng" are no,
/// "Hồng" and "chùa" are no "hông" or "chưa"; a bare "dung" is asked again. A polite opener ("dạ", "thưa") is no answer
/// by itself unless it is all there is: "dạ không" is no. A no after a yes ("đúng, nhưng chưa hỏi") is asked again, a
/// no elsewhere is a no ("đã hỏi nhưng chưa đồng ý"), unless the reply also agrees ("đồng ý, không phản đối gì").
/// </summary>
public static class YesNoRecognizer
{
    private static readonly Lexicon Typed = new(
        Openers: ["dạ", "đã", "thưa"],
        No: ["không đồng ý", "không", "ko", "k", "kg", "no", "thôi", "chưa", "hông", "hổng", "hok", "khum", "nope", "khỏi", "đừng", "dừng"],
        Yes: ["có", "ừ", "u", "uh", "ừm", "um", "ok", "oke", "okay", "đồng ý", "vâng", "được", "yes", "y", "chắc chắn", "phải", "rồi", "đúng"],
        NoAnywhere: Phrases.AsTyped("không", "chưa", "ko", "kg", "hông", "hổng", "hok", "khum", "đừng"),
        Agrees: Phrases.AsTyped("đồng ý"),
        RefusesToAgree: Phrases.AsTyped("không đồng ý", "chưa đồng ý", "ko đồng ý", "k đồng ý", "hông đồng ý"));

    // Without diacritics "dung" is đúng, đừng or dừng: neither list has it.
    private static readonly Lexicon Folded = new(
        Openers: ["da", "thua"],
        No: ["khong dong y", "khong", "ko", "k", "kg", "no", "thoi", "chua", "hong", "khum", "nope", "khoi"],
        Yes: ["co", "u", "uh", "um", "ok", "oke", "okay", "dong y", "vang", "duoc", "yes", "y", "chac chan", "phai", "roi"],
        NoAnywhere: Phrases.Folded("khong", "chua", "ko", "kg", "hong", "khum"),
        Agrees: Phrases.Folded("dong y"),
        RefusesToAgree: Phrases.Folded("khong dong y", "chua dong y", "ko dong y", "k dong y", "hong dong y"));

    public static bool? Recognize(string? text)
    {
        var typed = VietnameseText.HasDiacritics(text);
        var lexicon = typed ? Typed : Folded;
        var words = typed ? VietnameseText.TrimNonWords(VietnameseText.Normalize(text)) : VietnameseText.Fold(text);
        if (words.Length == 0)
        {
            return null;
        }

        var answer = WithoutOpeners(words, lexicon.Openers);
        if (answer.Length == 0)
        {
            return true; // "dạ", "dạ ạ", "đã"
        }

        if (lexicon.No.Any(word => WholeWords.StartWith(answer, word)))
        {
            return false;
        }

        if (lexicon.Yes.FirstOrDefault(word => WholeWords.StartWith(answer, word)) is { } yes)
        {
            return lexicon.NoAnywhere.AnyIn(answer[yes.Length..]) ? null : true;
        }

        if (!lexicon.NoAnywhere.AnyIn(answer))
        {
            return null;
        }

        return lexicon.Agrees.AnyIn(answer) && !lexicon.RefusesToAgree.AnyIn(answer) ? null : false;
    }

    private static string WithoutOpeners(string text, string[] openers)
    {
        var rest = text;
        for (var opener = openers.FirstOrDefault(o => WholeWords.StartWith(rest, o)); opener is not null;
             opener = openers.FirstOrDefault(o => WholeWords.StartWith(rest, o)))
        {
            rest = VietnameseText.TrimNonWords(rest[opener.Length..]);
        }

        return rest;
    }

    private sealed record Lexicon(string[] Openers, string[] No, string[] Yes, Phrases NoAnywhere, Phrases Agrees, Phrases RefusesToAgree);
}
