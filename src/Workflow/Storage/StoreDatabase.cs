using System.Data.Common;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The configured store (PostgreSQL or SQLite): opens connections and says which SQL dialect they speak.
/// Repositories share their SQL through it; only <see cref="SqlDialect"/> differs between engines.
/// </summary>
public abstract class StoreDatabase : IAsyncDisposable
{
    protected StoreDatabase() => DapperTypeHandlers.Register();

    public abstract SqlDialect Dialect { get; }

    /// <summary>An open connection; dispose it to return it to the pool.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that may write (SQLite: <c>BEGIN IMMEDIATE</c>, so two writers never deadlock on upgrade).</summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// The transaction one command needs to be atomic — a statement that reads and then writes (a claim), or several
    /// statements sent as one command — or null where the command is atomic on its own and an explicit transaction would
    /// only add a round trip (PostgreSQL).
    /// </summary>
    public virtual async Task<DbTransaction?> BeginCommandWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await BeginWriteAsync(connection, cancellationToken);

    public abstract ValueTask DisposeAsync();
}
