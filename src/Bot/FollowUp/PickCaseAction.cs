using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// Settles which case a citizen action (supplement, rebut, rate, withdraw) is about. A code given by a button is
/// checked; otherwise the citizen's cases that allow the action are found: none ends the dialog with a note, one is
/// taken, several are offered by the next prompt (its answer comes back here to be checked). Sets <c>code</c>, and
/// <c>request</c> (what reception asked for) and <c>caseList</c> (numbered lines) for the texts.
/// </summary>
public sealed class PickCaseAction(CaseAction purpose, ICitizenCaseDesk desk) : IDialogAction
{
    public const int Candidates = 10;

    private readonly string _dialog = CaseButtons.DialogFor[purpose];

    public string Name => _dialog + ".pickCase";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var waterfall = step.Waterfall;
        if (CitizenOf.Activity(waterfall.Context.Turn.Activity) is not { } citizen)
        {
            return await waterfall.EndAsync(null, cancellationToken);
        }

        CitizenCaseView? view;
        if (step.GetString("code") is { } code)
        {
            view = await desk.FindAsync(code, citizen, cancellationToken);
            if (view is null)
            {
                await waterfall.SendAsync("lookup.notFound", new Dictionary<string, string> { ["code"] = code }, cancellationToken);
                return await waterfall.EndAsync(null, cancellationToken);
            }

            if (!view.Allows(purpose))
            {
                await waterfall.SendAsync(_dialog + ".notAllowed", new Dictionary<string, string> { ["code"] = view.Code }, cancellationToken);
                return await waterfall.EndAsync(null, cancellationToken);
            }
        }
        else
        {
            var candidates = (await desk.ListMineAsync(citizen, Candidates, cancellationToken)).Where(v => v.Allows(purpose)).ToList();
            if (candidates.Count == 0)
            {
                await waterfall.SendAsync(_dialog + ".none", null, cancellationToken);
                return await waterfall.EndAsync(null, cancellationToken);
            }

            if (candidates.Count > 1)
            {
                step.Values["caseList"] = CaseDisplay.Lines(waterfall.Context.Texts, candidates);
                step.ReturnAfterNextAnswer(step.Definition.Id
                    ?? throw new InvalidOperationException($"{step.Definition.Location}: '{Name}' needs an id to come back to after the citizen picks."));
                return await waterfall.NextAsync(null, cancellationToken);
            }

            view = candidates[0];
        }

        step.Values["code"] = view.Code;
        step.Values["request"] = view.InfoRequest ?? string.Empty;
        return await waterfall.NextAsync(null, cancellationToken);
    }
}
