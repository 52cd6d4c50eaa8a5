namespace PhanHoi.Bot.Recognizers;

/// <summary>Yes/no as Vietnamese citizens type it, with or without diacritics (<c>có</c>, <c>co</c>, <c>ừ</c>, <c>ko</c>…).</summary>
public static class YesNoRecognizer
{
    // Folded forms, matched as whole words at the start ("có ạ", "ok luôn", "có, giữ kín giúp tôi"; not "cơm"). "No" is
    // tried first so "không đồng ý" is not read as "đồng ý".
    private static readonly string[] No = ["khong dong y", "khong", "ko", "k", "no", "thoi", "chua", "hong", "khum", "nope"];
    private static readonly string[] Yes = ["co", "u", "uh", "um", "ok", "oke", "okay", "dong y", "vang", "duoc", "yes", "y", "da", "chac chan", "dung"];

    public static bool? Recognize(string? text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        if (No.Any(word => WholeWords.StartWith(folded, word)))
        {
            return false;
        }

        return Yes.Any(word => WholeWords.StartWith(folded, word)) ? true : null;
    }
}
