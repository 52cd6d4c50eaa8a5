using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>
/// What PAKN is not (Art. 1.2, 7.4–7.6): complaints and denunciations, legal advice, insults, advertising. The
/// re-prompt explains the rule and where such requests belong instead of filing them.
/// </summary>
public sealed class OutOfScopeValidator : IPromptValidator
{
    public string Name => "outOfScope";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ContentScreen.Check(value as string));
}

/// <summary>Only the acceptability rules (Art. 7.4–7.6), for texts that follow up a case (a rebuttal, a supplement).</summary>
public sealed class AcceptableTextValidator : IPromptValidator
{
    public string Name => "acceptable";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ContentScreen.CheckAcceptable(value switch
        {
            string text => text,
            SharedMessage message => message.Text,
            _ => null,
        }));
}
