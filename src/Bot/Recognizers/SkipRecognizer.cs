namespace PhanHoi.Bot.Recognizers;

/// <summary>
/// Declining an optional step (photos, location, a tax code), or saying it is done ("xong"), with or without the
/// politeness around it ("dạ không có mã ạ", "xong rồi nhé").
/// </summary>
public static class SkipRecognizer
{
    private static readonly HashSet<string> Words = new(
        ["bo qua", "khong", "ko", "k", "khong co", "thoi", "skip", "no", "tiep", "tiep tuc", "khong can", "xong", "xong roi", "da xong", "du roi", "het",
            "het roi", "hoan tat", "ok", "oke", "vay thoi", "the thoi", "ko co", "k co", "chua co", "khong co anh", "chua co anh", "khong co gi",
            "khong co ma", "ko co ma", "chua co ma", "khong co mst", "khong co ma so thue", "khong nho", "khong nho ma", "khong biet"],
        StringComparer.Ordinal);

    private static readonly string[] Before = ["da", "thua", "toi"];
    private static readonly string[] After = ["a", "nhe", "nha", "ne", "ban"];

    /// <summary>A skip word, or going back ("quay lại"), which at an optional step also means leaving it as it is.</summary>
    public static bool IsSkip(string? text)
    {
        var words = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Before.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && After.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return Words.Contains(string.Join(' ', words)) || BackRecognizer.IsBack(text);
    }
}
