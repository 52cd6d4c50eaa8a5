namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Queues one notice: parameters <c>CaseId, Channel, UserId, Notice</c> (<see cref="NoticeJson"/>) and <c>At</c>.</summary>
internal static class OutboxInsert
{
    public static string Sql(SqlDialect dialect) =>
        "INSERT INTO outbox (case_id, recipient_channel, recipient_user_id, notice, created_at, status, attempts, next_attempt_at) " +
        $"VALUES (@CaseId, @Channel, @UserId, {dialect.Json("@Notice")}, @At, 'pending', 0, @At)";
}
