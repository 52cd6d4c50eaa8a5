using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// "Sửa số điện thoại" at the summary goes straight to that answer (sets <c>editField</c>); "Sửa" alone leaves the
/// question of what to change to the <c>intake.edit</c> prompt.
/// </summary>
public sealed class NamedEditAction : IDialogAction
{
    private const string EditPrompt = "intake.edit";

    private static readonly string[] Verbs = ["sua lai", "chinh sua", "sua", "doi"];

    public string Name => "intake.editNamed";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var context = step.Waterfall.Context;
        var folded = VietnameseText.Fold(context.Turn.Activity.Text);
        var verb = Verbs.FirstOrDefault(v => folded.StartsWith(v + " ", StringComparison.Ordinal));
        if (verb is not null
            && context.Dialogs.Contains(EditPrompt)
            && context.Dialogs.Get(EditPrompt) is PromptDialog edit
            && ChoiceRecognizer.Recognize(folded[(verb.Length + 1)..], edit.Definition.Choices) is { } field)
        {
            step.Values["editField"] = field.Value;
        }

        return step.Waterfall.NextAsync(null, cancellationToken);
    }
}
