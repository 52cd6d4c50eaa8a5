namespace PhanHoi.Bot.Workflow.Storage;

public sealed class SqliteDialect : SqlDialect
{
    public override string MigrationsFolder => "Sqlite";

    public override string Json(string parameter) => parameter;

    public override string JsonTextElements(string parameter) => $"json_each({parameter})";

    // SQLite has one writer at a time (BEGIN IMMEDIATE): claims are serialised by the engine.
    public override string SkipLocked => string.Empty;

    public override string? SerializeOutboxClaims => null;

    public override string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";

    public override string? LockForMigration => null;
}
