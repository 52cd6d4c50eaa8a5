using Dapper;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

public abstract class CredentialStoreContract(StoreFixture store)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqlCredentialStore credentials = new(store.Database, store.Protector);

    [Fact]
    public async Task Only_one_instance_wins_a_token_refresh_compare_and_set()
    {
        var name = Unique("zalo-refresh-");
        Assert.Null(await credentials.GetAsync(name, None));

        Assert.True(await credentials.ReplaceAsync(name, "token-1", Monday.AddDays(90), 0, Monday, None));
        Assert.False(await credentials.ReplaceAsync(name, "token-x", null, 0, Monday, None));
        var stored = await credentials.GetAsync(name, None);
        var racers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            Task.Run(() => credentials.ReplaceAsync(name, $"token-2-{i}", Monday.AddDays(91), stored!.Version, Monday.AddDays(1), None))));
        var latest = await credentials.GetAsync(name, None);

        Assert.Equal(("token-1", 1, Monday.AddDays(90)), (stored!.Value, stored.Version, stored.ExpiresAt!.Value));
        Assert.Single(racers, won => won);
        Assert.Equal(2, latest!.Version);
        Assert.StartsWith("token-2-", latest.Value, StringComparison.Ordinal);
        Assert.Equal(Monday.AddDays(1), latest.UpdatedAt);
    }

    [Fact]
    public async Task Credential_values_are_stored_encrypted()
    {
        var name = Unique("fb-page-");
        await credentials.ReplaceAsync(name, "EAAG-secret-page-token", null, 0, Monday, None);

        await using var connection = await store.Database.OpenAsync(None);
        var stored = await connection.QuerySingleAsync<string>("SELECT value FROM credentials WHERE name = @name", new { name });

        Assert.DoesNotContain("secret", stored, StringComparison.Ordinal);
        Assert.Equal("EAAG-secret-page-token", (await credentials.GetAsync(name, None))!.Value);
    }
}

public sealed class CredentialStoreSqliteTests(SqliteStoreFixture store) : CredentialStoreContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class CredentialStorePostgresTests(PostgresStoreFixture store) : CredentialStoreContract(store), IClassFixture<PostgresStoreFixture>;
