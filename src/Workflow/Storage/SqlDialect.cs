namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>The few places where PostgreSQL and SQLite need different SQL; everything else is shared.</summary>
public abstract class SqlDialect
{
    /// <summary>Folder of the embedded migration scripts (<c>Storage/&lt;Engine&gt;/Migrations</c>).</summary>
    public abstract string MigrationsFolder { get; }

    /// <summary>A parameter written into a JSON column.</summary>
    public abstract string Json(string parameter);

    /// <summary>A table of one text column <c>value</c>: the items of the JSON array of strings <paramref name="parameter"/>.</summary>
    public abstract string JsonTextElements(string parameter);

    /// <summary>Appended to a claiming <c>SELECT</c> so concurrent claimers pass over each other's rows.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// Run first in an outbox claim so claims are serialised across instances (null when the engine serialises writers
    /// anyway): a claim may take several messages of one recipient, which row locks alone cannot keep in order.
    /// </summary>
    public abstract string? SerializeOutboxClaims { get; }

    /// <summary>Creates the table of applied migrations if missing.</summary>
    public abstract string CreateMigrationsTable { get; }

    /// <summary>Run before migrating, in the migration transaction, so two instances never migrate at once.</summary>
    public abstract string? LockForMigration { get; }
}
