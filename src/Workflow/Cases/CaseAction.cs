namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Everything that can happen to a case. Staff actions are named as in CONTRACT.md (wire names are
/// kebab-case: <c>answer-directly</c>); citizen and system actions are recorded in history the same way.
/// </summary>
public enum CaseAction
{
    // citizen
    Submit,
    Supplement,
    Withdraw,
    Rebut,
    Rate,

    // staff (CONTRACT.md)
    Accept,
    AnswerDirectly,
    RequestInfo,
    Reject,
    Close,
    Transfer,
    Assign,
    Coordinate,
    CoordinationReply,
    ExplainDelay,
    Resolve,
    Publish,
    CancelAnswer,
    RebuttalAnswer,

    // system
    Complete,
    RemindOverdue,

    /// <summary>The announced calendar changed (a swapped day off): the open deadlines were counted again.</summary>
    RecomputeDeadlines,

    // a staff member read the citizen's personal data (SPEC §5)
    ViewPersonalData,
}
