using Npgsql;

namespace PhanHoi.Bot.Api.Tests.Infrastructure;

/// <summary>The real PostgreSQL and Redis that scripts/test.sh starts for the suite.</summary>
public static class TestServers
{
    public static string Postgres => Required("PHANHOI_TEST_POSTGRES");

    public static string Redis => Required("PHANHOI_TEST_REDIS");

    /// <summary>A fresh, empty database on the test server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "phanhoi_api_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL and Redis.");
}
