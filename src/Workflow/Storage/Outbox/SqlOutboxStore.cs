using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The outbox on either engine. A message is handed out only when every earlier message of its recipient is handed out
/// with it or already finished (sent or undeliverable), so a citizen hears about their case in order; claims are
/// serialised across instances and leased, so a crashed instance's messages become due again when the lease ends.
/// Every outcome clears the lease, so a message claimed while its lease is still set was interrupted: the claim notes
/// that in <c>last_error</c> (visible to staff), which makes it <see cref="OutboxMessage.Interrupted"/>.
/// </summary>
public sealed class SqlOutboxStore(StoreDatabase database) : IOutboxStore
{
    private const string Columns =
        "id AS Id, case_id AS CaseId, recipient_channel AS RecipientChannel, recipient_user_id AS RecipientUserId, notice AS Notice, " +
        "created_at AS CreatedAt, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError";

    private readonly string claim =
        $"""
        UPDATE outbox SET leased_until = @until,
            last_error = CASE WHEN leased_until IS NOT NULL THEN @interrupted ELSE last_error END
        WHERE id IN (
            SELECT m.id FROM outbox m
            WHERE m.status = 'pending' AND m.next_attempt_at <= @now AND (m.leased_until IS NULL OR m.leased_until <= @now)
              AND NOT EXISTS (
                  SELECT 1 FROM outbox e
                  WHERE e.recipient_channel = m.recipient_channel AND e.recipient_user_id = m.recipient_user_id AND e.id < m.id
                    AND (e.status = 'held' OR (e.status = 'pending' AND (e.next_attempt_at > @now OR e.leased_until > @now))))
            ORDER BY m.id
            LIMIT @max{database.Dialect.SkipLocked})
        RETURNING {Columns}
        """;

    private readonly string releaseHeld =
        "UPDATE outbox SET status = 'pending', next_attempt_at = @now, leased_until = NULL " +
        $"WHERE status = 'held' AND recipient_channel = @channel AND recipient_user_id IN (SELECT value FROM {database.Dialect.JsonTextElements("@userIds")})";

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (database.Dialect.SerializeOutboxClaims is { } serialize)
        {
            await connection.ExecuteAsync(new CommandDefinition(serialize, transaction: transaction, cancellationToken: cancellationToken));
        }

        var rows = await connection.QueryRowsAsync<OutboxRow>(new CommandDefinition(
            claim, new { max, now, until = now + lease, interrupted = OutboxMessage.InterruptedNote }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Id).Select(r => r.ToMessage())];
    }

    public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE outbox SET status = 'sent', finished_at = @at, leased_until = NULL WHERE id = @id", new { id, at }, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt, last_error = @error, leased_until = NULL WHERE id = @id AND status = 'pending'",
            new { id, nextAttemptAt, error },
            cancellationToken);

    public async Task<int> ExpediteRetriesAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET next_attempt_at = @now WHERE status = 'pending' AND recipient_channel = @channel AND attempts > 0 AND next_attempt_at > @now",
            new { channel, now },
            cancellationToken: cancellationToken));
    }

    public async Task HoldAsync(long id, string reason, CancellationToken cancellationToken)
    {
        // The recipient's later pending messages wait with it, so staff see them as held too.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET status = 'held', leased_until = NULL,
                last_error = CASE WHEN id = @id THEN @reason ELSE last_error END,
                attempts = CASE WHEN id = @id THEN attempts + 1 ELSE attempts END
            WHERE status = 'pending' AND id >= @id
              AND recipient_channel = (SELECT recipient_channel FROM outbox WHERE id = @id)
              AND recipient_user_id = (SELECT recipient_user_id FROM outbox WHERE id = @id)
            """,
            new { id, reason },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public Task MarkUndeliverableAsync(long id, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET status = 'undeliverable', last_error = @reason, leased_until = NULL, attempts = attempts + 1 WHERE id = @id",
            new { id, reason },
            cancellationToken);

    public async Task<int> ReleaseHeldAsync(IReadOnlyCollection<CitizenAddress> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var released = 0;
        foreach (var (channel, userIds) in UserIdLists.ByChannel(recipients))
        {
            released += await connection.ExecuteAsync(new CommandDefinition(
                releaseHeld, new { channel, userIds, now }, cancellationToken: cancellationToken));
        }

        return released;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListForCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE case_id = @caseId ORDER BY id", new { caseId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMessage())];
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private sealed class OutboxRow
    {
        public long Id { get; init; }

        public Guid CaseId { get; init; }

        public string RecipientChannel { get; init; } = string.Empty;

        public string RecipientUserId { get; init; } = string.Empty;

        public string Notice { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }

        public string Status { get; init; } = string.Empty;

        public int Attempts { get; init; }

        public DateTimeOffset NextAttemptAt { get; init; }

        public string? LastError { get; init; }

        public OutboxMessage ToMessage() => new(
            Id,
            CaseId,
            new CitizenAddress(RecipientChannel, RecipientUserId),
            NoticeJson.Read(Notice),
            CreatedAt,
            StorageNames.Parse<OutboxStatus>(Status),
            Attempts,
            NextAttemptAt,
            LastError);
    }
}
