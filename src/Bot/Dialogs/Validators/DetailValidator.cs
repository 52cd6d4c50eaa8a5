using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>
/// A detail someone can act on (an address, a reason): a few letters or digits at least, not "x" or "k" typed to get
/// past the question. Art. 7.7 asks for the proxied person's address and the reason for sending on their behalf.
/// </summary>
public sealed class DetailValidator : IPromptValidator
{
    public const int MinimumLettersOrDigits = 5;

    public string Name => "detail";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken)
    {
        var text = value as string ?? string.Empty;
        var ok = text.Count(char.IsLetterOrDigit) >= MinimumLettersOrDigits && text.Any(char.IsLetter)
            && !Recognizers.SkipRecognizer.IsSkip(text); // "không", "không biết", "bỏ qua", "quay lại"
        return ValueTask.FromResult(ok ? null : "tooShort");
    }
}
