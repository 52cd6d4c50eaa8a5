namespace PhanHoi.Bot.Recognizers;

/// <summary>Going back without changing anything, while changing one answer from a summary.</summary>
public static class BackRecognizer
{
    private static readonly HashSet<string> Words = new(
        ["quay lai", "tro lai", "giu nguyen", "khong sua", "khong sua nua", "thoi khong sua", "thoi khong sua nua", "back"], StringComparer.Ordinal);

    public static bool IsBack(string? text) => Words.Contains(VietnameseText.Fold(text));
}
