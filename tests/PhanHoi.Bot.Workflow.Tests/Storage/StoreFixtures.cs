using System.Security.Cryptography;
using Npgsql;
using PhanHoi.Bot.Workflow.Privacy;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>A fresh, migrated store for one test class: the contract tests run once per engine through it.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private StoreDatabase? database;

    public StoreDatabase Database => database ?? throw new InvalidOperationException("The store is not started.");

    public byte[] Key { get; } = RandomNumberGenerator.GetBytes(32);

    public IPersonalDataProtector Protector => new AesGcmPersonalDataProtector(Key);

    public abstract bool IsPostgres { get; }

    /// <summary>The last migration applied when the store starts (all of them unless a test needs an older schema).</summary>
    protected virtual int LastVersion => int.MaxValue;

    public async Task InitializeAsync()
    {
        database = await CreateAsync();
        await Migrator.MigrateAsync(database, LastVersion, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        await DropAsync();
    }

    /// <summary>A second handle on the same database, as another instance would have.</summary>
    public abstract StoreDatabase OpenAnother();

    protected abstract Task<StoreDatabase> CreateAsync();

    protected abstract Task DropAsync();
}

public class SqliteStoreFixture : StoreFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "phanhoi-store-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(folder, "phanhoi.db");

    public override bool IsPostgres => false;

    public override StoreDatabase OpenAnother() => new SqliteDatabase(DatabasePath);

    protected override Task<StoreDatabase> CreateAsync() => Task.FromResult<StoreDatabase>(new SqliteDatabase(DatabasePath));

    protected override Task DropAsync()
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp folders; a lingering handle must not fail the run
        }

        return Task.CompletedTask;
    }
}

public class PostgresStoreFixture : StoreFixture
{
    private readonly string name = "phanhoi_store_" + Guid.NewGuid().ToString("N")[..12];

    public override bool IsPostgres => true;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;

    private static string Server => Environment.GetEnvironmentVariable("PHANHOI_TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("PHANHOI_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    public override StoreDatabase OpenAnother() => new PostgresDatabase(ConnectionString);

    protected override async Task<StoreDatabase> CreateAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        return new PostgresDatabase(ConnectionString);
    }

    protected override Task DropAsync() => ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A store with only the first schema (0001_initial), to prove later migrations over existing rows.</summary>
public sealed class SqliteStoreAtInitialSchemaFixture : SqliteStoreFixture
{
    protected override int LastVersion => 1;
}

/// <inheritdoc cref="SqliteStoreAtInitialSchemaFixture"/>
public sealed class PostgresStoreAtInitialSchemaFixture : PostgresStoreFixture
{
    protected override int LastVersion => 1;
}
