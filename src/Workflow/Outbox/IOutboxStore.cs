using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

public interface IOutboxStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> pending messages that are due, oldest first per recipient, so no other
    /// instance takes them until the lease ends. A recipient with an earlier unsent message is not skipped past.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Keeps the message (and the recipient's later ones) until the citizen writes again.</summary>
    Task HoldAsync(long id, string reason, CancellationToken cancellationToken);

    /// <summary>Pending messages of <paramref name="channel"/> waiting out a retry delay become due now. Returns how many.</summary>
    Task<int> ExpediteRetriesAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkUndeliverableAsync(long id, string reason, CancellationToken cancellationToken);

    /// <summary>These citizens wrote: their held messages become pending again, in order. Returns how many.</summary>
    Task<int> ReleaseHeldAsync(IReadOnlyCollection<CitizenAddress> recipients, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMessage>> ListForCaseAsync(Guid caseId, CancellationToken cancellationToken);
}
