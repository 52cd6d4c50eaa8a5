using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Api.Webhooks;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

public sealed class InboxRetentionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_sweep_forgets_every_event_completed_before_the_retention_batch_after_batch_and_nothing_else()
    {
        var inbox = new MemoryInbox();
        var clock = new FakeTimeProvider(Start);
        await CompleteAsync(inbox, InboxRetention.BatchSize + 5, "old", Start);
        await CompleteAsync(inbox, 3, "recent", Start.AddDays(13));
        await inbox.AppendAsync("zalo", "waiting", "zalo:waiting", "{}", Start, None);
        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var forgotten = await Retention(inbox, clock).SweepAsync(None);

        Assert.Equal(InboxRetention.BatchSize + 5, forgotten);
        Assert.True(await inbox.AppendAsync("zalo", "old-0", "zalo:old-0", "{}", clock.GetUtcNow(), None)); // no longer recognised
        Assert.False(await inbox.AppendAsync("zalo", "recent-0", "zalo:recent-0", "{}", clock.GetUtcNow(), None));
        Assert.False(await inbox.AppendAsync("zalo", "waiting", "zalo:waiting", "{}", clock.GetUtcNow(), None));
    }

    [Fact]
    public async Task The_worker_sweeps_at_start_and_then_every_interval()
    {
        var inbox = new MemoryInbox();
        var clock = new FakeTimeProvider(Start.AddDays(15));
        await CompleteAsync(inbox, 2, "old", Start);
        var retention = Retention(inbox, clock);

        await retention.StartAsync(None);
        await WaitUntilAsync(() => inbox.Stored == 0);
        await CompleteAsync(inbox, 1, "later", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(15));
        await WaitUntilAsync(() => inbox.Stored == 0);
        await retention.StopAsync(None);
    }

    private static InboxRetention Retention(MemoryInbox inbox, TimeProvider clock) =>
        new(inbox, clock, Options.Create(new InboxOptions { RetentionSweepInterval = TimeSpan.FromHours(1) }), NullLogger<InboxRetention>.Instance);

    private static async Task CompleteAsync(MemoryInbox inbox, int count, string prefix, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            await inbox.AppendAsync("zalo", $"{prefix}-{i}", $"zalo:{prefix}-{i}", "{}", at, None);
        }

        foreach (var item in await inbox.ClaimAsync(count, TimeSpan.FromMinutes(1), at, None))
        {
            await inbox.CompleteAsync(item.Id, at, None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the sweep did not happen");
            await Task.Delay(20);
        }
    }
}
