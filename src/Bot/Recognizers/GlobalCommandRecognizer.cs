namespace PhanHoi.Bot.Recognizers;

public enum GlobalCommand
{
    None,
    Cancel,
    Help,
}

/// <summary>Words that interrupt any dialog at any step: cancel everything, or show help.</summary>
public static class GlobalCommandRecognizer
{
    private static readonly HashSet<string> Cancel = new(["huy", "thoat", "huy bo", "dung lai", "cancel", "quit", "exit"], StringComparer.Ordinal);
    private static readonly HashSet<string> Help = new(["menu", "tro giup", "help", "giup do", "huong dan"], StringComparer.Ordinal);

    public static GlobalCommand Recognize(string? text)
    {
        var folded = VietnameseText.Fold(text);
        return Cancel.Contains(folded) ? GlobalCommand.Cancel
            : Help.Contains(folded) ? GlobalCommand.Help
            : GlobalCommand.None;
    }
}
