using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// Shows a case by code: in full if it is the citizen's own, the public part if it is published, else "not found"
/// (never saying whether someone else's case exists).
/// </summary>
public sealed class LookupShowAction(ICitizenCaseDesk desk, CaseDisplay display) : IDialogAction
{
    public string Name => "lookup.show";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var turn = step.Waterfall.Context.Turn;
        var code = step.GetString("code") ?? string.Empty;
        if (CitizenOf.Activity(turn.Activity) is { } citizen && await desk.FindAsync(code, citizen, cancellationToken) is { } mine)
        {
            await turn.SendActivityAsync(await display.CitizenCaseAsync(step.Waterfall.Context.Texts, mine, cancellationToken), cancellationToken);
        }
        else if (await desk.FindPublishedAsync(code, cancellationToken) is { } published)
        {
            await turn.SendActivityAsync(await display.PublicCaseAsync(step.Waterfall.Context.Texts, published, cancellationToken), cancellationToken);
        }
        else
        {
            await step.Waterfall.SendAsync("lookup.notFound", new Dictionary<string, string> { ["code"] = code }, cancellationToken);
        }

        return await step.Waterfall.EndAsync(null, cancellationToken);
    }
}

/// <summary>The citizen's recent cases: code, short content, state.</summary>
public sealed class MyCasesAction(ICitizenCaseDesk desk, CaseDisplay display) : IDialogAction
{
    public const int Limit = 5;

    public string Name => "mine.list";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var turn = step.Waterfall.Context.Turn;
        var mine = CitizenOf.Activity(turn.Activity) is { } citizen ? await desk.ListMineAsync(citizen, Limit, cancellationToken) : [];
        if (mine.Count == 0)
        {
            await step.Waterfall.SendAsync("mine.none", null, cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync(display.List(step.Waterfall.Context.Texts, mine), cancellationToken);
        }

        return await step.Waterfall.EndAsync(null, cancellationToken);
    }
}
