using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Turns.Dedupe;

namespace PhanHoi.Bot.Tests.Turns.Dedupe;

/// <summary>The embedded default's memory of message ids: once per id within the retention, bounded, releasable.</summary>
public sealed class InProcessDuplicateGuardTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_id_is_claimed_once_until_it_expires_or_is_released()
    {
        var guard = new InProcessDuplicateGuard(new DuplicateGuardOptions { Ttl = TimeSpan.FromHours(1) }, time);

        Assert.True(await guard.TryClaimAsync("zalo:msg-1", CancellationToken.None));
        Assert.False(await guard.TryClaimAsync("zalo:msg-1", CancellationToken.None));
        Assert.True(await guard.TryClaimAsync("facebook:msg-1", CancellationToken.None)); // another platform's id space
        await guard.ReleaseAsync("facebook:msg-1", CancellationToken.None);
        Assert.True(await guard.TryClaimAsync("facebook:msg-1", CancellationToken.None));

        time.Advance(TimeSpan.FromHours(1));
        Assert.True(await guard.TryClaimAsync("zalo:msg-1", CancellationToken.None));
    }

    [Fact]
    public async Task Over_capacity_the_oldest_ids_are_forgotten_first()
    {
        var guard = new InProcessDuplicateGuard(new DuplicateGuardOptions { Capacity = 100 }, time);
        for (var i = 0; i < 150; i++)
        {
            await guard.TryClaimAsync($"zalo:{i}", CancellationToken.None);
        }

        Assert.InRange(guard.Count, 100, 101);
        Assert.False(await guard.TryClaimAsync("zalo:149", CancellationToken.None));
        Assert.True(await guard.TryClaimAsync("zalo:0", CancellationToken.None));
    }
}
