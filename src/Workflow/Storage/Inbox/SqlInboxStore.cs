using Dapper;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The durable inbox on either engine: <c>(source, message_id)</c> is unique, payloads are encrypted, and only the oldest
/// unfinished item of a conversation is ever handed out (so one conversation is processed in order, one item at a time).
/// Statuses: <c>pending</c>, <c>done</c>, and <c>set_aside</c> (unreadable, kept with its payload for an operator).
/// </summary>
public sealed class SqlInboxStore(StoreDatabase database, IPersonalDataProtector protector) : IInboxStore
{
    private readonly string claim =
        $"""
        UPDATE inbox SET leased_until = @until
        WHERE id IN (
            SELECT m.id FROM inbox m
            WHERE m.status = 'pending' AND m.next_attempt_at <= @now AND (m.leased_until IS NULL OR m.leased_until <= @now)
              AND NOT EXISTS (
                  SELECT 1 FROM inbox e WHERE e.conversation_key = m.conversation_key AND e.status = 'pending' AND e.id < m.id)
            ORDER BY m.id
            LIMIT @max{database.Dialect.SkipLocked})
        RETURNING id AS Id, source AS Source, message_id AS MessageId, conversation_key AS ConversationKey, payload AS Payload,
                  received_at AS ReceivedAt, attempts AS Attempts, delivered AS Delivered
        """;

    public async Task<bool> AppendAsync(
        string source, string messageId, string conversationKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inbox (source, message_id, conversation_key, payload, received_at, status, attempts, next_attempt_at) " +
            "VALUES (@source, @messageId, @conversationKey, @payload, @receivedAt, 'pending', 0, @receivedAt) ON CONFLICT (source, message_id) DO NOTHING",
            new { source, messageId, conversationKey, payload = protector.Protect(payload), receivedAt },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<InboxItem>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Only a conversation's oldest pending item is eligible and it is row-locked while claimed: no claim lock needed.
        // One statement: on PostgreSQL atomic by itself (no BEGIN/COMMIT round trip); SQLite takes its write lock first.
        var transaction = await database.BeginCommandWriteAsync(connection, cancellationToken);
        await using (transaction)
        {
            var rows = await connection.QueryRowsAsync<InboxRow>(new CommandDefinition(
                claim, new { max, now, until = now + lease }, transaction, cancellationToken: cancellationToken));
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return [.. rows.OrderBy(r => r.Id).Select(r => new InboxItem(
                r.Id, r.Source, r.MessageId, r.ConversationKey, protector.TryUnprotect(r.Payload, out var payload) ? payload : string.Empty,
                r.ReceivedAt, r.Attempts, r.Delivered, Unreadable: payload is null))];
        }
    }

    public Task CompleteAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        FinishAsync(id, "done", at, reason: null, cancellationToken);

    public Task SetAsideAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        FinishAsync(id, "set_aside", at, reason, cancellationToken);

    /// <summary>
    /// A pending item leaves the queue for good as <paramref name="status"/>; one already finished stays as it is. A done
    /// item keeps no payload: only its key, which recognises a re-delivery until <see cref="ForgetDoneAsync"/>.
    /// </summary>
    private async Task FinishAsync(long id, string status, DateTimeOffset at, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET status = @status, completed_at = @at, last_error = COALESCE(@reason, last_error), leased_until = NULL, " +
            "payload = CASE WHEN @status = 'done' THEN '' ELSE payload END " +
            "WHERE id = @id AND status = 'pending'",
            new { id, status, at, reason },
            cancellationToken: cancellationToken));
    }

    public async Task RecordDeliveredAsync(long id, int delivered, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET delivered = @delivered WHERE id = @id AND status = 'pending'", new { id, delivered }, cancellationToken: cancellationToken));
    }

    public async Task ReleaseAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET attempts = attempts + 1, next_attempt_at = @retryAt, last_error = @error, leased_until = NULL WHERE id = @id AND status = 'pending'",
            new { id, retryAt, error },
            cancellationToken: cancellationToken));
    }

    public async Task<int> ExpediteRetriesAsync(string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET next_attempt_at = @now WHERE status = 'pending' AND source = @source AND attempts > 0 AND next_attempt_at > @now AND leased_until IS NULL",
            new { source, now },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> LaterMessageIdsAsync(string conversationKey, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryRowsAsync<string>(new CommandDefinition(
            "SELECT message_id FROM inbox WHERE conversation_key = @conversationKey AND status = 'pending' AND id > @id ORDER BY id LIMIT 10",
            new { conversationKey, id },
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    public Task<long> CountPendingAsync(CancellationToken cancellationToken) => CountAsync("pending", cancellationToken);

    public Task<long> CountSetAsideAsync(CancellationToken cancellationToken) => CountAsync("set_aside", cancellationToken);

    /// <summary>
    /// Both statuses counted have a partial index of their own; the status is written into the statement (one of ours,
    /// never input) so that a prepared, generic plan can still use it.
    /// </summary>
    private async Task<long> CountAsync(string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM inbox WHERE status = '{status}'", cancellationToken: cancellationToken));
    }

    public async Task<int> ForgetDoneAsync(DateTimeOffset completedBefore, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbox WHERE id IN (SELECT id FROM inbox WHERE status = 'done' AND completed_at < @completedBefore ORDER BY completed_at LIMIT @max)",
            new { completedBefore, max },
            cancellationToken: cancellationToken));
    }

    private sealed class InboxRow
    {
        public long Id { get; init; }

        public string Source { get; init; } = string.Empty;

        public string MessageId { get; init; } = string.Empty;

        public string ConversationKey { get; init; } = string.Empty;

        public string Payload { get; init; } = string.Empty;

        public DateTimeOffset ReceivedAt { get; init; }

        public int Attempts { get; init; }

        public int Delivered { get; init; }
    }
}
