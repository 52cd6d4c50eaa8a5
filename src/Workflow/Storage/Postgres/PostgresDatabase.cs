using System.Data.Common;
using Npgsql;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresDatabase(string connectionString) : StoreDatabase
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public override SqlDialect Dialect { get; } = new PostgresDialect();

    public NpgsqlDataSource DataSource => dataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>None: one <c>UPDATE … RETURNING</c> is atomic in autocommit, and its row locks (<c>SKIP LOCKED</c>) hold until it ends.</summary>
    public override Task<DbTransaction?> BeginSingleStatementWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction?>(null);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
