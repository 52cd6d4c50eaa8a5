namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Stores cases. Every write stores the case, appends its history line and queues its notices in the outbox
/// in one transaction, so nothing the citizen must hear about is lost.
/// </summary>
public interface ICaseRepository
{
    Task<Case?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    Task<Case?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Stores a newly submitted case (its version is 1).</summary>
    Task InsertAsync(Transition submitted, CancellationToken cancellationToken);

    /// <summary>Stores a newly submitted case and, in the same transaction, what submitted it (see <see cref="NewCase.SubmissionKey"/>).</summary>
    Task InsertAsync(Transition submitted, string? submissionKey, CancellationToken cancellationToken);

    /// <summary>The code of the case filed under <paramref name="submissionKey"/>, if any.</summary>
    Task<string?> FindCodeBySubmissionAsync(string submissionKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a change if the stored version is still <paramref name="expectedVersion"/> (the transition's case
    /// carries <c>expectedVersion + 1</c>); false when someone else changed the case first.
    /// </summary>
    Task<bool> UpdateAsync(Transition transition, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Appends a history line that changes no state (e.g. a staff read of personal data).</summary>
    Task AppendHistoryAsync(HistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>The case's history, oldest first. There is no way to change or delete a line.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid caseId, CancellationToken cancellationToken);

    Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken);

    /// <summary>A citizen's most recent cases, newest first.</summary>
    Task<IReadOnlyList<Case>> ListByCitizenAsync(CitizenAddress address, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Cases the SLA worker must look at: overdue against <see cref="Case.StaffDueBy"/> and not reminded today,
    /// or published with the rebuttal window ended before <paramref name="today"/>.
    /// </summary>
    Task<IReadOnlyList<Case>> ListDueForSlaAsync(DateOnly today, int limit, CancellationToken cancellationToken);
}
