using Dapper;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Brings a database to the latest schema: applies the embedded scripts not yet recorded in <c>schema_migrations</c>,
/// all in one transaction. On PostgreSQL an advisory lock makes instances that start together take turns.
/// </summary>
public static class Migrator
{
    /// <summary>Applies what is missing; returns the versions applied now (empty when already up to date).</summary>
    public static Task<IReadOnlyList<MigrationScript>> MigrateAsync(StoreDatabase database, CancellationToken cancellationToken) =>
        MigrateAsync(database, int.MaxValue, cancellationToken);

    /// <summary>Applies what is missing up to <paramref name="lastVersion"/> (tests of a later migration over older data).</summary>
    internal static async Task<IReadOnlyList<MigrationScript>> MigrateAsync(StoreDatabase database, int lastVersion, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var scripts = MigrationScript.For(dialect);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (dialect.LockForMigration is { } lockSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateMigrationsTable, transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryRowsAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var now = new List<MigrationScript>();
        foreach (var script in scripts.Where(s => s.Version <= lastVersion && !applied.Contains(s.Version)))
        {
            // No command timeout: a script that rewrites a large table (0002 over a million cases) takes minutes.
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { script.Version, script.Name, At = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken));
            now.Add(script);
        }

        await transaction.CommitAsync(cancellationToken);
        return now;
    }
}
