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

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
