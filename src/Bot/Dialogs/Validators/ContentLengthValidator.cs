using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>Content must be clear (Art. 7): a few words at least (emoji and punctuation are not words), and not a novel.</summary>
public sealed class ContentLengthValidator : IPromptValidator
{
    public const int Minimum = 20;
    public const int MinimumLetters = 12;
    public const int Maximum = 4000;

    public string Name => "contentLength";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReasonFor(value as string));

    /// <summary>"tooShort", "tooLong", or null when the length is right.</summary>
    public static string? ReasonFor(string? content)
    {
        var text = content ?? string.Empty;
        return text.Length < Minimum || text.Count(char.IsLetter) < MinimumLetters ? "tooShort"
            : text.Length > Maximum ? "tooLong"
            : null;
    }
}
