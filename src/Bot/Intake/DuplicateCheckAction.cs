using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.FollowUp;
using PhanHoi.Bot.Screening;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// Right after the content is written: if the citizen filed the same recently, tell them its code and stop, rather
/// than let them fill in the rest for nothing (Art. 7.6).
/// </summary>
public sealed class DuplicateCheckAction(DuplicateContent duplicates) : IDialogAction
{
    public string Name => "intake.checkDuplicate";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        if (await FindAsync(step, duplicates, cancellationToken) is { } earlier)
        {
            await step.Waterfall.SendAsync("intake.duplicate", new Dictionary<string, string>
            {
                ["code"] = earlier.Code,
                ["submitted"] = DisplayDates.Of(earlier.SubmittedAt),
                ["state"] = CaseDisplay.StateText(step.Waterfall.Context.Texts, earlier.State),
            }, cancellationToken);
            return await step.Waterfall.EndAsync(null, cancellationToken);
        }

        return await step.Waterfall.NextAsync(null, cancellationToken);
    }

    internal static async Task<CitizenCaseView?> FindAsync(ScriptedStep step, DuplicateContent duplicates, CancellationToken cancellationToken) =>
        CitizenOf.Activity(step.Waterfall.Context.Turn.Activity) is { } citizen && step.GetString("content") is { } content
            ? await duplicates.FindAsync(citizen, content, cancellationToken)
            : null;
}
