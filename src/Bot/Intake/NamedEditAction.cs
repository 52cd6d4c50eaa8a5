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
    private const string SummaryPrompt = "intake.confirm";
    private const string EditPrompt = "intake.edit";
    private const string EditChoice = "edit";

    public string Name => "intake.editNamed";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var context = step.Waterfall.Context;
        var folded = VietnameseText.Fold(context.Turn.Activity.Text);
        var verb = EditVerbs(context.Dialogs).FirstOrDefault(v => folded.Length > v.Length && WholeWords.StartWith(folded, v));
        if (verb is not null
            && context.Dialogs.Contains(EditPrompt)
            && context.Dialogs.Get(EditPrompt) is PromptDialog edit
            && ChoiceRecognizer.Recognize(folded[verb.Length..], edit.Definition.Choices) is { } field)
        {
            step.Values["editField"] = field.Value;
        }

        return step.Waterfall.NextAsync(null, cancellationToken);
    }

    /// <summary>The summary's own words for "Sửa" (<c>dialogs/prompts.yaml</c>), folded, longest first.</summary>
    private static IEnumerable<string> EditVerbs(DialogSet dialogs) =>
        dialogs.Contains(SummaryPrompt)
        && dialogs.Get(SummaryPrompt) is PromptDialog summary
        && summary.Definition.Choices.FirstOrDefault(c => c.Value == EditChoice) is { } choice
            ? choice.Synonyms.Prepend(choice.Title).Select(VietnameseText.Fold).OrderByDescending(v => v.Length)
            : [];
}
