namespace PhanHoi.Bot.Recognizers;

/// <summary>Declining an optional step (photos, location), or saying it is done ("xong").</summary>
public static class SkipRecognizer
{
    private static readonly HashSet<string> Words = new(
        ["bo qua", "khong", "ko", "k", "khong co", "thoi", "skip", "no", "tiep", "tiep tuc", "khong can", "xong", "xong roi", "da xong", "du roi", "het", "hoan tat",
            "khong a", "ko co", "k co", "chua co", "khong co anh", "chua co anh", "khong co gi", "khong co anh a", "khong co a",
            "khong co ma", "chua co ma", "khong co mst", "khong nho", "khong nho ma", "khong biet"], StringComparer.Ordinal);

    /// <summary>A skip word, or going back ("quay lại"), which at an optional step also means leaving it as it is.</summary>
    public static bool IsSkip(string? text) => Words.Contains(VietnameseText.Fold(text)) || BackRecognizer.IsBack(text);
}
