using System.Globalization;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// <c>chat_windows</c> on either engine: one row per citizen on a windowed platform. A reminder is queued in the same
/// transaction that marks the row reminded, and only if that mark still applies, so two instances never both remind.
/// </summary>
public sealed class SqlChatWindowStore(StoreDatabase database) : IChatWindowStore
{
    /// <summary>The citizen's latest case still being handled (more notices are coming), or null.</summary>
    private const string LatestOpenCase =
        "(SELECT c.id FROM cases c WHERE c.citizen_channel = w.channel AND c.citizen_user_id = w.user_id " +
        "AND c.state IN ('submitted', 'awaiting_info', 'in_progress', 'resolved', 'rebutted') ORDER BY c.submitted_at DESC, c.id LIMIT 1)";

    /// <summary>Citizens due a reminder with their latest open case; not those with a notice held or barred for abuse.</summary>
    private const string Due =
        $"""
        SELECT d.user_id AS UserId, d.last_interaction_at AS LastInteractionAt, c.id AS CaseId, c.code AS CaseCode
        FROM (
            SELECT w.user_id, w.last_interaction_at, {LatestOpenCase} AS case_id
            FROM chat_windows w
            WHERE w.channel = @channel AND w.last_interaction_at > @wroteAfter AND w.last_interaction_at <= @wroteBy
              AND (w.reminded_at IS NULL OR w.reminded_at < w.last_interaction_at)
              AND NOT EXISTS (
                  SELECT 1 FROM outbox o WHERE o.recipient_channel = w.channel AND o.recipient_user_id = w.user_id AND o.status = 'held')
              AND NOT EXISTS (
                  SELECT 1 FROM citizen_accounts a WHERE a.channel = w.channel AND a.user_id = w.user_id
                    AND (a.status = 'blocked' OR (a.status = 'locked' AND a.locked_until > @now)))) d
        JOIN cases c ON c.id = d.case_id
        ORDER BY d.last_interaction_at
        LIMIT @max
        """;

    private const string MarkReminded =
        """
        UPDATE chat_windows SET reminded_at = @now
        WHERE channel = @channel AND user_id = @userId AND last_interaction_at = @lastInteractionAt
          AND (reminded_at IS NULL OR reminded_at < last_interaction_at)
        """;

    private readonly string record =
        $"""
        INSERT INTO chat_windows (channel, user_id, last_interaction_at)
        SELECT @channel, value, @at FROM {database.Dialect.JsonTextElements("@userIds")} WHERE true
        ON CONFLICT (channel, user_id) DO UPDATE SET last_interaction_at = excluded.last_interaction_at
        WHERE chat_windows.last_interaction_at < excluded.last_interaction_at
        """;

    private readonly string insertNotice = OutboxInsert.Sql(database.Dialect);

    public async Task RecordInteractionsAsync(IReadOnlyCollection<CitizenAddress> citizens, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (citizens.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var (channel, userIds) in UserIdLists.ByChannel(citizens))
        {
            await connection.ExecuteAsync(new CommandDefinition(record, new { channel, userIds, at }, cancellationToken: cancellationToken));
        }
    }

    public async Task<int> ForgetBeforeAsync(string channel, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM chat_windows WHERE channel = @channel AND last_interaction_at < @before", new { channel, before }, cancellationToken: cancellationToken));
    }

    public async Task<int> QueueRemindersAsync(
        string channel, DateTimeOffset wroteAfter, DateTimeOffset wroteBy, TimeSpan window, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = (await connection.QueryRowsAsync<DueRow>(new CommandDefinition(
            Due, new { channel, wroteAfter, wroteBy, max, now }, cancellationToken: cancellationToken))).AsList();
        if (due.Count == 0)
        {
            return 0;
        }

        var queued = 0;
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var row in due)
        {
            var marked = await connection.ExecuteAsync(new CommandDefinition(
                MarkReminded, new { now, channel, userId = row.UserId, lastInteractionAt = row.LastInteractionAt }, transaction, cancellationToken: cancellationToken));
            if (marked == 0)
            {
                continue; // another instance reminded them, or they wrote again meanwhile
            }

            var notice = Notice.Of(
                NoticeKind.WindowClosing, row.CaseCode, ("until", (row.LastInteractionAt + window).ToString("O", CultureInfo.InvariantCulture)));
            await connection.ExecuteAsync(new CommandDefinition(
                insertNotice,
                new { row.CaseId, Channel = channel, row.UserId, Notice = NoticeJson.Write(notice), At = now },
                transaction,
                cancellationToken: cancellationToken));
            queued++;
        }

        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    private sealed class DueRow
    {
        public string UserId { get; set; } = string.Empty;

        public DateTimeOffset LastInteractionAt { get; set; }

        public Guid CaseId { get; set; }

        public string CaseCode { get; set; } = string.Empty;
    }
}
