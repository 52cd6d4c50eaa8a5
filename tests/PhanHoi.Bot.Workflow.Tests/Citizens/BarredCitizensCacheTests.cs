using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Tests.Citizens;

public sealed class BarredCitizensCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CitizenAddress Spammer = new("zalo", "U1");
    private static readonly CitizenAddress Neighbour = new("zalo", "U2");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly CountingAccounts store = new();

    [Fact]
    public async Task The_barred_list_is_read_once_per_lifetime_whoever_writes()
    {
        var cache = new BarredCitizensCache(store, clock);
        await store.SaveAsync(new CitizenAccount(Spammer, CitizenStatus.Blocked, null, "quảng cáo"), None);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(CitizenStatus.Blocked, (await cache.FindBarredAsync(Spammer, None))!.Status);
            Assert.Null(await cache.FindBarredAsync(Neighbour, None));
        }

        Assert.Equal(1, store.BarredReads);
        clock.Advance(BarredCitizensCache.Lifetime);
        await cache.FindBarredAsync(Neighbour, None);
        Assert.Equal(2, store.BarredReads);
    }

    [Fact]
    public async Task A_lock_or_unlock_saved_here_applies_at_once_and_one_saved_elsewhere_within_the_lifetime()
    {
        var cache = new BarredCitizensCache(store, clock);
        Assert.Null(await cache.FindBarredAsync(Spammer, None));

        await cache.SaveAsync(new CitizenAccount(Spammer, CitizenStatus.Locked, clock.GetUtcNow().AddDays(1), "tin rác"), None);
        Assert.Equal("tin rác", (await cache.FindBarredAsync(Spammer, None))!.Reason);
        await cache.SaveAsync(new CitizenAccount(Spammer, CitizenStatus.Active, null, null), None);
        Assert.Null(await cache.FindBarredAsync(Spammer, None));

        await store.SaveAsync(new CitizenAccount(Neighbour, CitizenStatus.Blocked, null, "xúc phạm"), None); // another instance
        Assert.Null(await cache.FindBarredAsync(Neighbour, None));
        clock.Advance(BarredCitizensCache.Lifetime);
        Assert.NotNull(await cache.FindBarredAsync(Neighbour, None));
    }

    [Fact]
    public async Task A_lock_ends_at_its_time_even_while_the_list_is_still_fresh()
    {
        var cache = new BarredCitizensCache(store, clock);
        await cache.SaveAsync(new CitizenAccount(Spammer, CitizenStatus.Locked, clock.GetUtcNow().AddSeconds(5), "tin rác"), None);
        Assert.NotNull(await cache.FindBarredAsync(Spammer, None));

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(await cache.FindBarredAsync(Spammer, None));
        Assert.Equal(1, store.BarredReads);
    }

    [Fact]
    public async Task A_save_during_a_read_is_not_hidden_by_the_list_read_before_it()
    {
        var cache = new BarredCitizensCache(store, clock);
        store.DuringNextRead = () => cache.SaveAsync(new CitizenAccount(Spammer, CitizenStatus.Blocked, null, "quảng cáo"), None);

        Assert.Null(await cache.FindBarredAsync(Spammer, None)); // the list was read before the save

        Assert.NotNull(await cache.FindBarredAsync(Spammer, None));
        Assert.Equal(2, store.BarredReads);
    }

    private sealed class CountingAccounts : ICitizenAccountRepository
    {
        private readonly Dictionary<CitizenAddress, CitizenAccount> accounts = [];

        public int BarredReads { get; private set; }

        public Func<Task>? DuringNextRead { get; set; }

        public Task<CitizenAccount?> FindAsync(CitizenAddress address, CancellationToken cancellationToken) =>
            Task.FromResult(accounts.GetValueOrDefault(address));

        public async Task<IReadOnlyList<CitizenAccount>> ListBarredAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            BarredReads++;
            IReadOnlyList<CitizenAccount> barred = [.. accounts.Values.Where(a => a.IsBarred(now))];
            if (DuringNextRead is { } during)
            {
                DuringNextRead = null;
                await during();
            }

            return barred;
        }

        public Task SaveAsync(CitizenAccount account, CancellationToken cancellationToken)
        {
            accounts[account.Address] = account;
            return Task.CompletedTask;
        }
    }
}
