namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Queues notices: <see cref="Into"/> followed by one <see cref="Values"/> per notice (<see cref="NoticeJson"/>), each
/// pending and due when queued. <see cref="Sql"/> is one notice with parameters <c>CaseId, Channel, UserId, Notice, At</c>.
/// </summary>
internal static class OutboxInsert
{
    public const string Into =
        "INSERT INTO outbox (case_id, recipient_channel, recipient_user_id, notice, created_at, status, attempts, next_attempt_at) VALUES ";

    /// <summary>One row, from the named parameters.</summary>
    public static string Values(SqlDialect dialect, string caseId, string channel, string userId, string notice, string at) =>
        $"({caseId}, {channel}, {userId}, {dialect.Json(notice)}, {at}, 'pending', 0, {at})";

    public static string Sql(SqlDialect dialect) => Into + Values(dialect, "@CaseId", "@Channel", "@UserId", "@Notice", "@At");
}
