namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>Canonical states (SPEC §3). Wire names are snake_case: <c>awaiting_info</c>.</summary>
public enum CaseState
{
    Submitted,
    AwaitingInfo,
    InProgress,
    Resolved,
    Published,
    Rebutted,
    Completed,
    Rejected,
    Closed,
}
