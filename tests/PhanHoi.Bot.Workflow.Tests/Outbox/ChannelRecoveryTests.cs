using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;
using PhanHoi.Bot.Workflow.Tests.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Outbox;

/// <summary>After an outage, what waited out a retry delay goes as soon as the platform delivers again.</summary>
public sealed class ChannelRecoveryTests(SqliteStoreFixture store) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_first_delivery_after_failures_brings_that_channels_retries_forward_once()
    {
        var now = Monday.AddYears(3).AddDays(Random.Shared.Next(1, 1000));
        var clock = new FakeTimeProvider(now);
        var outbox = new SqlOutboxStore(store.Database);
        var inbox = new SqlInboxStore(store.Database, store.Protector);
        var recovery = new ChannelRecovery(outbox, inbox, clock, NullLogger<ChannelRecovery>.Instance);

        var submitted = New(address: new PhanHoi.Bot.Workflow.Cases.CitizenAddress("zalo", Unique("U")), submittedAt: now.AddMinutes(-1));
        await new SqlCaseRepository(store.Database, store.Protector).InsertAsync(Submitted(submitted), None);
        var notice = (await outbox.ClaimDueAsync(500, TimeSpan.FromMinutes(1), now, None)).Single(m => m.CaseId == submitted.Id);
        await outbox.RescheduleAsync(notice.Id, now.AddMinutes(20), "503", None);
        await inbox.AppendAsync("zalo", Unique("mid"), Unique("zalo:"), "replies", now, None);
        var item = (await inbox.ClaimAsync(500, TimeSpan.FromMinutes(1), now, None)).Single(i => i.Payload == "replies");
        await inbox.ReleaseAsync(item.Id, now.AddMinutes(20), "503", None);

        await recovery.DeliveredAsync("zalo", None); // never failed here: nothing to bring forward
        var before = await outbox.ClaimDueAsync(500, TimeSpan.FromMinutes(1), now, None);
        recovery.Failed("zalo");
        var failing = (recovery.IsFailing("zalo"), recovery.IsFailing("facebook"));
        await recovery.DeliveredAsync("facebook", None);
        await recovery.DeliveredAsync("zalo", None);

        Assert.Equal((true, false), failing);
        Assert.False(recovery.IsFailing("zalo")); // it delivers again
        Assert.DoesNotContain(before, m => m.Id == notice.Id);
        Assert.Contains(await outbox.ClaimDueAsync(500, TimeSpan.FromMinutes(1), now, None), m => m.Id == notice.Id);
        Assert.Contains(await inbox.ClaimAsync(500, TimeSpan.FromMinutes(1), now, None), i => i.Id == item.Id);
    }
}
