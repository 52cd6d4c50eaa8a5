namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>Why <see cref="ActionPolicy.AllowedInState"/> refused an action, in the words of the staff API (HTTP 409 detail).</summary>
public static class StateRefusalReason
{
    public static string Of(Case current, CaseAction action) => action switch
    {
        CaseAction.ExplainDelay when ActionPolicy.IsProcessing(current) =>
            $"'{WireNames.Of(action)}' is possible only once the processing deadline ({CaseWorkflow.Format(current.Deadlines.ResolveBy)}) has passed.",
        _ => $"'{WireNames.Of(action)}' is not possible while the case is {WireNames.Of(current.State)}.",
    };
}
