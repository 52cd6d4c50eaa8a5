using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Channels.Tests.Support;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Channels.Tests.Zalo;

public sealed class ZaloAccessTokensTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCredentialStore store = new();
    private int issued;

    private static ZaloOptions Options() => TestZaloOptions.Create();

    private StubHttp OAuth(Func<string, bool>? accept = null) => new((request, body) =>
    {
        Assert.Equal("/v4/oa/access_token", request.RequestUri!.AbsolutePath);
        Assert.Equal("app-secret", request.Headers.GetValues("secret_key").Single());
        var presented = System.Web.HttpUtility.ParseQueryString(body)["refresh_token"]!;
        if (accept is not null && !accept(presented))
        {
            return StubHttp.Json("""{"error_name":"Invalid refresh token","error_reason":"-14014"}""");
        }

        var n = Interlocked.Increment(ref issued);
        return StubHttp.Json($$"""{"access_token":"access-{{n}}","refresh_token":"refresh-{{n}}","expires_in":"90000"}""");
    });

    private ZaloAccessTokens Tokens(StubHttp http) =>
        new(store, http, Microsoft.Extensions.Options.Options.Create(Options()), clock, NullLogger<ZaloAccessTokens>.Instance);

    [Fact]
    public async Task Configured_token_is_used_until_zalo_rejects_it_then_one_refresh_rotates_the_stored_pair()
    {
        var http = OAuth();
        using var tokens = Tokens(http);

        Assert.Equal("access-0", await tokens.GetAsync(CancellationToken.None));
        Assert.Empty(http.Requests);

        Assert.Equal("access-1", await tokens.RefreshAfterRejectionAsync("access-0", CancellationToken.None));
        Assert.Equal("access-1", await tokens.RefreshAfterRejectionAsync("access-0", CancellationToken.None)); // already refreshed
        Assert.Single(http.Requests);
        var stored = await store.GetAsync(ZaloAccessTokens.CredentialName, CancellationToken.None);
        Assert.Contains("refresh-1", stored!.Value, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddSeconds(90000), stored.ExpiresAt);
    }

    [Fact]
    public async Task Token_is_refreshed_before_it_expires_with_the_rotated_refresh_token()
    {
        var http = OAuth();
        using var tokens = Tokens(http);
        await tokens.RefreshAfterRejectionAsync("access-0", CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal("access-1", await tokens.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal("access-2", await tokens.GetAsync(CancellationToken.None));

        Assert.Equal(["refresh-0", "refresh-1"], http.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Body)["refresh_token"]));
    }

    [Fact]
    public async Task Two_instances_sharing_the_store_refresh_once_because_the_refresh_token_is_single_use()
    {
        var spent = new HashSet<string>();
        var http = OAuth(presented => { lock (spent) { return spent.Add(presented); } });
        using var first = Tokens(http);
        using var second = Tokens(http);
        await first.GetAsync(CancellationToken.None); // seeds the store

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).RefreshAfterRejectionAsync("access-0", CancellationToken.None)));

        Assert.All(results, t => Assert.Equal("access-1", t));
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task A_refused_refresh_keeps_the_stored_pair_and_says_so()
    {
        var http = OAuth(_ => false);
        using var tokens = Tokens(http);
        await tokens.GetAsync(CancellationToken.None);
        var before = await store.GetAsync(ZaloAccessTokens.CredentialName, CancellationToken.None);

        await Assert.ThrowsAsync<ZaloTokenException>(() => tokens.RefreshAfterRejectionAsync("access-0", CancellationToken.None));

        var after = await store.GetAsync(ZaloAccessTokens.CredentialName, CancellationToken.None);
        Assert.Contains("refresh-0", after!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("lease", after.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before!.ExpiresAt, after.ExpiresAt);
    }

    [Fact]
    public async Task The_token_in_use_is_read_from_the_store_at_most_every_half_minute()
    {
        using var tokens = Tokens(OAuth());
        await tokens.GetAsync(CancellationToken.None); // seeds the store
        var reads = store.Reads;

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("access-0", await tokens.GetAsync(CancellationToken.None));
        }

        Assert.Equal(reads, store.Reads);
        clock.Advance(ZaloAccessTokens.RereadAfter);
        Assert.Equal("access-0", await tokens.GetAsync(CancellationToken.None));
        Assert.Equal(reads + 1, store.Reads);
    }

    [Fact]
    public async Task A_token_replaced_by_another_instance_is_picked_up_when_zalo_refuses_the_old_one_or_after_the_reread()
    {
        var http = OAuth();
        using var first = Tokens(http);
        using var second = Tokens(http);
        Assert.Equal("access-0", await first.GetAsync(CancellationToken.None));
        Assert.Equal("access-1", await second.RefreshAfterRejectionAsync("access-0", CancellationToken.None));

        Assert.Equal("access-0", await first.GetAsync(CancellationToken.None)); // still the one in memory
        Assert.Equal("access-1", await first.RefreshAfterRejectionAsync("access-0", CancellationToken.None));
        Assert.Single(http.Requests); // the second instance's pair is taken, not refreshed again

        using var third = Tokens(http);
        Assert.Equal("access-1", await third.GetAsync(CancellationToken.None));
        Assert.Equal("access-2", await second.RefreshAfterRejectionAsync("access-1", CancellationToken.None));
        clock.Advance(ZaloAccessTokens.RereadAfter);
        Assert.Equal("access-2", await third.GetAsync(CancellationToken.None));
    }
}
