using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Which store to use (CONTRACT.md): <c>ConnectionStrings:Postgres</c> set → PostgreSQL; otherwise the SQLite file
/// <c>Storage:SqlitePath</c> (default <c>data/phanhoi.db</c>, relative to the content root).
/// </summary>
public sealed record StoreLocation(string? PostgresConnectionString, string? SqlitePath)
{
    public const string DefaultSqlitePath = "data/phanhoi.db";

    public bool IsPostgres => PostgresConnectionString is not null;

    public static StoreLocation From(IConfiguration configuration, IHostEnvironment? environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new StoreLocation(postgres, null);
        }

        var path = configuration["Storage:SqlitePath"];
        var root = environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
        return new StoreLocation(null, Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path, root));
    }

    public StoreDatabase Open() => PostgresConnectionString is { } connectionString
        ? new PostgresDatabase(connectionString)
        : new SqliteDatabase(SqlitePath!);
}
