namespace PhanHoi.Bot.Recognizers;

/// <summary>Declining an optional step (photos, location).</summary>
public static class SkipRecognizer
{
    private static readonly HashSet<string> Words = new(
        ["bo qua", "khong", "ko", "k", "khong co", "thoi", "skip", "no", "tiep", "tiep tuc", "khong can"], StringComparer.Ordinal);

    public static bool IsSkip(string? text) => Words.Contains(VietnameseText.Fold(text));
}
