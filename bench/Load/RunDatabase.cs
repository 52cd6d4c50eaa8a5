using Npgsql;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// The run's own PostgreSQL database: nothing left by an earlier run (e.g. platform tokens sealed with another key),
/// and dropped when the run ends, after the services that used it have stopped, so a shared server does not fill up.
/// </summary>
public sealed class RunDatabase : IAsyncDisposable
{
    private readonly string server;

    private RunDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates a fresh database on the server of <paramref name="serverConnectionString"/>.</summary>
    public static async Task<RunDatabase> CreateAsync(string serverConnectionString, string prefix)
    {
        var database = new RunDatabase(serverConnectionString, $"{prefix}_{Guid.NewGuid().ToString("N")[..10]}");
        await database.ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"[driver] database {Name} not dropped: {ex.Message}");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
