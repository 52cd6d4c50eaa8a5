using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>Content must be clear (Art. 7): a few words at least, and not a novel.</summary>
public sealed class ContentLengthValidator : IPromptValidator
{
    public const int Minimum = 20;
    public const int Maximum = 4000;

    public string Name => "contentLength";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken)
    {
        var length = (value as string)?.Length ?? 0;
        return ValueTask.FromResult(length < Minimum ? "tooShort" : length > Maximum ? "tooLong" : null);
    }
}
