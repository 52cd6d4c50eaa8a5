using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>A full name: at least two words, letters only (Vietnamese names have a family and a given name).</summary>
public sealed class FullNameValidator : IPromptValidator
{
    public string Name => "fullName";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken)
    {
        var text = value as string ?? string.Empty;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ok = words.Length >= 2 && text.Length <= 100 && text.All(c => char.IsLetter(c) || c == ' ' || c == '\'' || c == '-');
        return ValueTask.FromResult(ok ? null : "notFullName");
    }
}
