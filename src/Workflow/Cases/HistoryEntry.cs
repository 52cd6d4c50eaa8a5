namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// One line of a case's append-only record (Art. 8: it has the legal value of a paper document).
/// <see cref="Actor"/> is a staff user id, <c>citizen</c> or <c>system</c>; notes never hold personal data.
/// </summary>
public sealed record HistoryEntry(
    Guid CaseId,
    DateTimeOffset At,
    string Actor,
    CaseAction Action,
    CaseState? FromState,
    CaseState? ToState,
    string? Note);
