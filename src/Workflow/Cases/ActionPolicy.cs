namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Which action the case's state allows (else HTTP 409) and who may perform it (else HTTP 403), SPEC §3:
/// reception triages and publishes for the receiving agency; the handling agency processes; the supervisor
/// assigns and cancels unfit answers; the citizen supplements, withdraws, rebuts and rates their own case. A case
/// received outside chat has no chat to supplement it in: reception records what the citizen brought or said.
/// </summary>
public static class ActionPolicy
{
    public static bool AllowedInState(Case current, CaseAction action, DateOnly today) => action switch
    {
        CaseAction.Accept or CaseAction.AnswerDirectly or CaseAction.RequestInfo => current.State == CaseState.Submitted,
        CaseAction.Reject => current.State is CaseState.Submitted or CaseState.AwaitingInfo,
        CaseAction.Close => current.State is CaseState.Submitted or CaseState.AwaitingInfo or CaseState.InProgress,
        CaseAction.Transfer or CaseAction.Coordinate or CaseAction.Resolve => IsProcessing(current),

        // "late: state the reason … when the 10 days pass" (SPEC §3): once the processing deadline is behind, not before.
        CaseAction.ExplainDelay => IsProcessing(current) && current.IsOverdue(today),
        CaseAction.Assign => current is { State: CaseState.InProgress, AwaitingAssignment: true },
        CaseAction.CoordinationReply => current.State == CaseState.InProgress && current.Coordination.Any(c => !c.IsAnswered),
        CaseAction.Publish => current.State == CaseState.Resolved,
        CaseAction.CancelAnswer => current.State is CaseState.Resolved or CaseState.Published,
        CaseAction.RebuttalAnswer => current.State == CaseState.Rebutted,
        CaseAction.Supplement => current.State == CaseState.AwaitingInfo,
        CaseAction.Withdraw => current.State is CaseState.Submitted or CaseState.AwaitingInfo or CaseState.InProgress,
        CaseAction.Rebut => current is { State: CaseState.Published, Rebuttal: null }
            && current.Deadlines.RebuttalBy is { } rebuttalBy && today <= rebuttalBy,
        CaseAction.Rate => current.State is CaseState.Published or CaseState.Rebutted or CaseState.Completed && current.Answer is not null,
        CaseAction.Complete => current.State == CaseState.Published && current.Deadlines.RebuttalBy is { } by && today > by,
        CaseAction.RemindOverdue => current.IsOverdue(today),
        CaseAction.RecomputeDeadlines => !current.IsTerminal,
        _ => false,
    };

    public static bool Permits(Case current, CaseAction action, Actor actor) => action switch
    {
        CaseAction.Accept or CaseAction.AnswerDirectly or CaseAction.RequestInfo or CaseAction.Reject
            or CaseAction.Close or CaseAction.Publish => IsReception(current, actor),
        CaseAction.Transfer or CaseAction.Coordinate or CaseAction.ExplainDelay or CaseAction.Resolve
            or CaseAction.RebuttalAnswer => IsHandler(current, actor),
        CaseAction.Assign or CaseAction.CancelAnswer => actor.Has(StaffRole.Supervisor),
        CaseAction.CoordinationReply => IsAskedToCoordinate(current, actor),
        CaseAction.Supplement => IsOwner(current, actor) || (current.CitizenAddress is null && IsReception(current, actor)),
        CaseAction.Withdraw or CaseAction.Rebut or CaseAction.Rate => IsOwner(current, actor),
        CaseAction.Complete or CaseAction.RemindOverdue or CaseAction.RecomputeDeadlines => actor.Kind == ActorKind.System,
        _ => false,
    };

    /// <summary>The handling agency is processing the case (not waiting for the supervisor to assign it).</summary>
    public static bool IsProcessing(Case current) => current is { State: CaseState.InProgress, AwaitingAssignment: false };

    /// <summary>Reception staff of the agency that received the case.</summary>
    public static bool IsReception(Case current, Actor actor) =>
        actor.Has(StaffRole.Reception) && CaseAccess.Same(actor.AgencyCode, current.ReceivingAgency);

    /// <summary>Staff of the handling agency (reception counts when it handles the case itself).</summary>
    public static bool IsHandler(Case current, Actor actor) =>
        (actor.Has(StaffRole.Handler) || actor.Has(StaffRole.Reception)) && CaseAccess.Same(actor.AgencyCode, current.HandlingAgency);

    public static bool IsAskedToCoordinate(Case current, Actor actor) =>
        (actor.Has(StaffRole.Handler) || actor.Has(StaffRole.Reception))
        && current.Coordination.Any(c => !c.IsAnswered && CaseAccess.Same(c.AgencyCode, actor.AgencyCode));

    public static bool IsOwner(Case current, Actor actor) =>
        actor.Kind == ActorKind.Citizen && current.CitizenAddress is { } address && address.ToString() == actor.Id;
}
