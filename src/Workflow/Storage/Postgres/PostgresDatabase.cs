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

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));

    public override SqlDialect Dialect { get; } = new PostgresDialect();

    public NpgsqlDataSource DataSource => dataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>None: one <c>UPDATE … RETURNING</c> is atomic in autocommit, and its row locks (<c>SKIP LOCKED</c>) hold until it ends.</summary>
    public override Task<DbTransaction?> BeginSingleStatementWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction?>(null);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static string WithAutoPrepare(string connectionString)
    {
        // The plain builder holds only the keys written (Npgsql's answers for every keyword it knows).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
