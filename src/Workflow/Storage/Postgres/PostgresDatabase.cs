using System.Data.Common;
using Npgsql;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresDatabase(string connectionString) : StoreDatabase
{
    /// <summary>
    /// Statements prepared automatically unless the connection string says otherwise: the service repeats a few dozen
    /// statements (inbox, outbox, state, cases), and planning the inbox claim each time cost more than running it.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(WithDefaults(connectionString));

    public override SqlDialect Dialect { get; } = new PostgresDialect();

    public NpgsqlDataSource DataSource => dataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// None. One <c>UPDATE … RETURNING</c> is atomic in autocommit, and its row locks (<c>SKIP LOCKED</c>) hold until it ends.
    /// The statements of one command go out before a single Sync, which makes them one implicit transaction: a failing
    /// statement skips the rest and rolls back the ones before it.
    /// </summary>
    public override Task<DbTransaction?> BeginCommandWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction?>(null);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>
    /// The service's defaults where the connection string is silent: statements auto-prepared, and no session reset
    /// when a connection goes back to the pool — the service never changes session state (its advisory locks are
    /// transaction-scoped), and the reset cost PostgreSQL six statements per connection use, several per turn.
    /// </summary>
    internal static string WithDefaults(string connectionString)
    {
        // The plain builder holds only the keys written (Npgsql's answers for every keyword it knows).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
