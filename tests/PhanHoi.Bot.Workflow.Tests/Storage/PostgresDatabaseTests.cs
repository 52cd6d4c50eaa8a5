using Npgsql;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>Statements are prepared automatically and sessions not reset on close, unless the deployment's connection string decides.</summary>
public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task Statements_are_prepared_automatically_by_default()
    {
        await using var database = new PostgresDatabase("Host=127.0.0.1;Username=postgres;Database=x");
        Assert.Equal(PostgresDatabase.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=x;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=x;MaxAutoPrepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=x;max auto prepare=10", 10)]
    public async Task The_connection_strings_own_setting_wins(string connectionString, int expected)
    {
        await using var database = new PostgresDatabase(connectionString);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public async Task Connections_are_not_reset_on_close_by_default()
    {
        await using var database = new PostgresDatabase("Host=127.0.0.1;Username=postgres;Database=x");
        Assert.True(new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=x;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;Database=x;NoResetOnClose=false")]
    public async Task The_connection_strings_reset_setting_wins(string connectionString)
    {
        await using var database = new PostgresDatabase(connectionString);
        Assert.False(new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).NoResetOnClose);
    }
}
