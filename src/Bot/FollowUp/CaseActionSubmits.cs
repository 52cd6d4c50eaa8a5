using System.Globalization;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;

namespace PhanHoi.Bot.FollowUp;

/// <summary>Files the rebuttal (phúc đáp) the citizen wrote and confirmed.</summary>
public sealed class RebutSubmitAction(ICitizenCaseDesk desk) : IDialogAction
{
    public string Name => "rebut.submit";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken) =>
        CaseActionSubmit.RunAsync(step, "rebut", (code, citizen) => desk.RebutAsync(code, citizen, step.GetString("text") ?? string.Empty, cancellationToken), cancellationToken);
}

/// <summary>Records the citizen's satisfaction, 1 to 5.</summary>
public sealed class RateSubmitAction(ICitizenCaseDesk desk) : IDialogAction
{
    public string Name => "rate.submit";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var score = int.TryParse(step.GetString("score"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return CaseActionSubmit.RunAsync(step, "rate", (code, citizen) => desk.RateAsync(code, citizen, score, cancellationToken), cancellationToken);
    }
}

/// <summary>Withdraws the case the citizen confirmed.</summary>
public sealed class WithdrawSubmitAction(ICitizenCaseDesk desk) : IDialogAction
{
    public string Name => "withdraw.submit";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken) =>
        CaseActionSubmit.RunAsync(step, "withdraw", (code, citizen) => desk.WithdrawAsync(code, citizen, cancellationToken), cancellationToken);
}

internal static class CaseActionSubmit
{
    public static async Task<DialogTurnResult> RunAsync(
        ScriptedStep step,
        string dialog,
        Func<string, Workflow.Cases.CitizenAddress, Task<CitizenActResult>> act,
        CancellationToken cancellationToken)
    {
        var result = CitizenOf.Activity(step.Waterfall.Context.Turn.Activity) is { } citizen && step.GetString("code") is { } code
            ? await act(code, citizen)
            : CitizenActResult.NotFound;
        await CitizenActOutcome.SayAsync(step, dialog, result, cancellationToken);
        return await step.Waterfall.EndAsync(result, cancellationToken);
    }
}
