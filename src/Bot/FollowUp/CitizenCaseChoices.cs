using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// The citizen's own cases that allow an action, as choices (<c>choicesFrom: cases.rebut</c>): picked by number,
/// by tapping the code, or by typing it with or without dashes.
/// </summary>
public sealed class CitizenCaseChoices(CaseAction purpose, ICitizenCaseDesk desk) : IChoiceSource
{
    public string Name => "cases." + CaseButtons.DialogFor[purpose];

    public async Task<IReadOnlyList<Choice>> GetChoicesAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (CitizenOf.Activity(activity) is not { } citizen)
        {
            return [];
        }

        var mine = await desk.ListMineAsync(citizen, PickCaseAction.Candidates, cancellationToken);
        return [.. mine.Where(v => v.Allows(purpose)).Select(v => new Choice(v.Code, v.Code, [CaseCodeText.Compact(v.Code)]))];
    }
}
