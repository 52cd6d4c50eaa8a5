namespace PhanHoi.Bot.Workflow.Storage;

public sealed class PostgresDialect : SqlDialect
{
    // "PHANHOI\0" as a number: the advisory lock namespace of this application.
    private const long LockBase = 0x5048414E484F4900;

    public override string MigrationsFolder => "Postgres";

    public override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    public override string JsonTextElements(string parameter) => $"jsonb_array_elements_text(CAST({parameter} AS jsonb)) AS e(value)";

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string? SerializeOutboxClaims => $"SELECT pg_advisory_xact_lock({LockBase + 1});";

    public override string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);";

    public override string? LockForMigration => $"SELECT pg_advisory_xact_lock({LockBase});";
}
