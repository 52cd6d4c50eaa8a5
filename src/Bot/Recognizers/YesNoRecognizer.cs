using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Yes/no as Vietnamese citizens type it, with or without diacritics, often both in one reply ("khong ạ", "dạ co").
/// Each word is read as it was typed (<see cref="Phrases.Marked"/>): "đúng" is yes, "đừng" and "dừng" are no, "Hồng"
/// is no "hông"; a bare "dung" is asked again. A polite opener ("dạ", "thưa") is no answer by itself unless it is all
/// there is: "dạ không" is no. A no after a yes ("đúng, nhưng chưa đồng ý") is asked again; a no elsewhere is a no
/// ("đã hỏi nhưng chưa đồng ý") unless the reply also agrees ("đồng ý, không phản đối gì"); agreeing is a yes ("Bà Hồng
/// đồng ý rồi").
/// </summary>
public static class YesNoRecognizer
{
    private static readonly Phrases Openers = Phrases.Marked("dạ", "đã", "thưa");

    private static readonly Phrases No = Phrases.Marked(
        "không đồng ý", "không", "ko", "k", "kg", "no", "thôi", "chưa", "khum", "hok", "nope", "khỏi");

    // Only as typed: without diacritics "dung" is also "đúng", "hong" also the name "Hồng".
    private static readonly Phrases NoAsTyped = Phrases.AsTyped("đừng", "dừng", "hông", "hổng");

    private static readonly Phrases Yes = Phrases.Marked(
        "có", "ừ", "u", "uh", "ừm", "um", "ok", "oke", "okay", "đồng ý", "vâng", "được", "yes", "y", "chắc chắn", "phải", "rồi");

    private static readonly Phrases YesAsTyped = Phrases.AsTyped("đúng");

    private static readonly Phrases NoAnywhere = Phrases.Marked("không", "chưa", "ko", "kg", "khum", "hok");
    private static readonly Phrases NoAnywhereAsTyped = Phrases.AsTyped("hông", "hổng", "đừng");
    private static readonly Phrases Agrees = Phrases.Marked("đồng ý");
    private static readonly Phrases RefusesToAgree = Phrases.Marked("không đồng ý", "chưa đồng ý", "ko đồng ý", "kg đồng ý", "khum đồng ý", "hok đồng ý");
    private static readonly Phrases RefusesToAgreeAsTyped = Phrases.AsTyped("hông đồng ý", "hổng đồng ý", "đừng đồng ý");

    public static bool? Recognize(string? text)
    {
        var words = Phrases.WordsOf(text);
        var at = 0;
        for (var opener = Openers.LengthAt(words, at); opener > 0; opener = Openers.LengthAt(words, at))
        {
            at += opener;
        }

        if (words.Count == 0)
        {
            return null;
        }

        if (at == words.Count)
        {
            return true; // "dạ", "dạ ạ", "đã"
        }

        if (No.LengthAt(words, at) > 0 || NoAsTyped.LengthAt(words, at) > 0)
        {
            return false;
        }

        var yes = Math.Max(Yes.LengthAt(words, at), YesAsTyped.LengthAt(words, at));
        if (yes > 0)
        {
            return SaysNo(words, at + yes) ? null : true;
        }

        if (SaysNo(words, at))
        {
            // "chưa đồng ý", "không đồng ý" agree with nothing
            var refuses = RefusesToAgree.AnyIn(words, at) || RefusesToAgreeAsTyped.AnyIn(words, at);
            return Agrees.AnyIn(words, at) && !refuses ? null : false;
        }

        return Agrees.AnyIn(words, at) ? true : null;
    }

    private static bool SaysNo(IReadOnlyList<string> words, int from) => NoAnywhere.AnyIn(words, from) || NoAnywhereAsTyped.AnyIn(words, from);
}
