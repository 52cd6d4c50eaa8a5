using Dapper;
using PhanHoi.Bot.Workflow.Credentials;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Platform credentials, encrypted; a replacement wins only against the version it read (compare-and-set).</summary>
public sealed class SqlCredentialStore(StoreDatabase database, IPersonalDataProtector protector) : ICredentialStore
{
    public async Task<StoredCredential?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<CredentialRow>(new CommandDefinition(
            "SELECT value AS Value, expires_at AS ExpiresAt, version AS Version, updated_at AS UpdatedAt FROM credentials WHERE name = @name",
            new { name },
            cancellationToken: cancellationToken));
        return row is null ? null : new StoredCredential(name, protector.Unprotect(row.Value), row.ExpiresAt, row.Version, row.UpdatedAt);
    }

    public async Task<bool> ReplaceAsync(
        string name, string value, DateTimeOffset? expiresAt, int expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new { name, value = protector.Protect(value), expiresAt, expectedVersion, now };
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = expectedVersion == 0
            ? "INSERT INTO credentials (name, value, expires_at, version, updated_at) VALUES (@name, @value, @expiresAt, 1, @now) ON CONFLICT (name) DO NOTHING"
            : "UPDATE credentials SET value = @value, expires_at = @expiresAt, version = version + 1, updated_at = @now WHERE name = @name AND version = @expectedVersion";
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class CredentialRow
    {
        public string Value { get; init; } = string.Empty;

        public DateTimeOffset? ExpiresAt { get; init; }

        public int Version { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
