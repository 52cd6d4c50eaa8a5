using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>What every <see cref="IOutboxStore"/> must do. Each test uses its own clock far from the others' so claims do not mix.</summary>
public abstract class OutboxStoreContract(StoreFixture store)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqlCaseRepository cases = new(store.Database, store.Protector);
    private readonly SqlOutboxStore outbox = new(store.Database);

    [Fact]
    public async Task Claims_hand_out_a_recipients_messages_in_order_and_lease_them()
    {
        var now = await DrainAsync();
        var (alice, aliceCase) = await QueueAsync(3, now);
        var (bob, _) = await QueueAsync(1, now);

        var claimed = await outbox.ClaimDueAsync(50, Lease, now, None);
        var again = await outbox.ClaimDueAsync(50, Lease, now.AddSeconds(30), None);
        var afterLease = await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(2), None);

        Assert.Equal(3, claimed.Count(m => m.Recipient == alice));
        Assert.Single(claimed, m => m.Recipient == bob);
        Assert.Equal(claimed.Where(m => m.Recipient == alice).Select(m => m.Id).Order(), claimed.Where(m => m.Recipient == alice).Select(m => m.Id));
        Assert.Equal(aliceCase, claimed.First(m => m.Recipient == alice).CaseId);
        Assert.Empty(again);
        Assert.Equal(4, afterLease.Count); // a crashed instance's lease ended: the messages are due again
    }

    [Fact]
    public async Task A_later_message_never_overtakes_an_earlier_one_that_failed()
    {
        var now = await DrainAsync();
        var (alice, _) = await QueueAsync(2, now);
        var first = (await outbox.ClaimDueAsync(50, Lease, now, None)).Where(m => m.Recipient == alice).ToList();

        await outbox.RescheduleAsync(first[0].Id, now.AddMinutes(10), "timeout", None);
        var meanwhile = await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(5), None);
        var retried = await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(11), None);

        Assert.DoesNotContain(meanwhile, m => m.Recipient == alice);
        Assert.Equal(first.Select(m => m.Id), retried.Where(m => m.Recipient == alice).Select(m => m.Id));
        Assert.Equal((1, "timeout"), (retried[0].Attempts, retried[0].LastError));
    }

    [Fact]
    public async Task A_claim_cut_by_its_limit_takes_the_oldest_and_the_rest_waits_until_it_is_out()
    {
        var now = await DrainAsync();
        var (alice, _) = await QueueAsync(3, now);

        var one = await outbox.ClaimDueAsync(1, Lease, now, None);
        var whileOut = await outbox.ClaimDueAsync(50, Lease, now, None);
        await outbox.MarkSentAsync(one[0].Id, now, None);
        var rest = await outbox.ClaimDueAsync(50, Lease, now, None);

        Assert.Equal(alice, one.Single().Recipient);
        Assert.Empty(whileOut);
        Assert.Equal(2, rest.Count);
        Assert.All(rest, m => Assert.True(m.Id > one[0].Id));
    }

    [Fact]
    public async Task Held_messages_wait_with_the_later_ones_until_the_citizen_writes_again()
    {
        var now = await DrainAsync();
        var (alice, aliceCase) = await QueueAsync(2, now);
        var claimed = (await outbox.ClaimDueAsync(50, Lease, now, None)).Where(m => m.Recipient == alice).ToList();

        await outbox.HoldAsync(claimed[0].Id, "outside the 24-hour window", None);
        var whileHeld = await outbox.ClaimDueAsync(50, Lease, now.AddHours(1), None);
        var held = await outbox.ListForCaseAsync(aliceCase, None);
        var released = await outbox.ReleaseHeldAsync([alice], now.AddHours(2), None);
        var afterRelease = await outbox.ClaimDueAsync(50, Lease, now.AddHours(2), None);

        Assert.DoesNotContain(whileHeld, m => m.Recipient == alice);
        Assert.All(held, m => Assert.Equal(OutboxStatus.Held, m.Status));
        Assert.Equal("outside the 24-hour window", held[0].LastError);
        Assert.Equal(2, released);
        Assert.Equal(claimed.Select(m => m.Id), afterRelease.Where(m => m.Recipient == alice).Select(m => m.Id));
    }

    [Fact]
    public async Task One_release_frees_the_held_messages_of_every_citizen_named_on_every_channel_and_no_one_else()
    {
        var now = await DrainAsync();
        var (alice, _) = await QueueAsync(2, now);
        var (bob, _) = await QueueAsync(1, now);
        var (carol, _) = await QueueAsync(1, now, channel: "facebook");
        var (bobOnFacebook, _) = await QueueAsync(1, now, channel: "facebook");
        foreach (var first in (await outbox.ClaimDueAsync(50, Lease, now, None)).GroupBy(m => m.Recipient).Select(g => g.First()))
        {
            await outbox.HoldAsync(first.Id, "window closed", None);
        }

        var nobody = await outbox.ReleaseHeldAsync([], now.AddHours(1), None);
        var released = await outbox.ReleaseHeldAsync(
            [alice, carol, new CitizenAddress("zalo", Unique("U")), new CitizenAddress("facebook", bob.UserId)], now.AddHours(1), None);
        var due = (await outbox.ClaimDueAsync(50, Lease, now.AddHours(1), None)).Select(m => m.Recipient).ToList();

        Assert.Equal(0, nobody);
        Assert.Equal(3, released);
        Assert.Equal(2, due.Count(r => r == alice));
        Assert.Contains(carol, due);
        Assert.DoesNotContain(bob, due);
        Assert.DoesNotContain(bobOnFacebook, due);
    }

    [Fact]
    public async Task Sent_and_undeliverable_messages_are_finished_and_unblock_the_next()
    {
        var now = await DrainAsync();
        var (alice, aliceCase) = await QueueAsync(3, now);
        var claimed = (await outbox.ClaimDueAsync(50, Lease, now, None)).Where(m => m.Recipient == alice).ToList();

        await outbox.MarkSentAsync(claimed[0].Id, now, None);
        await outbox.MarkUndeliverableAsync(claimed[1].Id, "user blocked the page", None);
        await outbox.RescheduleAsync(claimed[2].Id, now, "503", None);
        var next = await outbox.ClaimDueAsync(50, Lease, now.AddSeconds(1), None);
        var statuses = (await outbox.ListForCaseAsync(aliceCase, None)).Select(m => m.Status);

        Assert.Equal([claimed[2].Id], next.Where(m => m.Recipient == alice).Select(m => m.Id));
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Undeliverable, OutboxStatus.Pending], statuses);
    }

    [Fact]
    public async Task Instances_claiming_at_once_never_share_a_message_or_break_a_recipients_order()
    {
        var now = await DrainAsync();
        var recipients = new List<CitizenAddress>();
        for (var i = 0; i < 10; i++)
        {
            recipients.Add((await QueueAsync(3, now)).Recipient);
        }

        var instances = Enumerable.Range(0, 4).Select(_ => store.OpenAnother()).ToList();
        try
        {
            var claims = await Task.WhenAll(instances.Select(db => Task.Run(() => new SqlOutboxStore(db).ClaimDueAsync(7, Lease, now, None))));
            var all = claims.SelectMany(c => c).ToList();

            Assert.Equal(all.Count, all.Select(m => m.Id).Distinct().Count());
            foreach (var claim in claims)
            {
                foreach (var group in claim.GroupBy(m => m.Recipient))
                {
                    // whatever one instance took of a recipient starts at that recipient's oldest open message
                    var oldestOpen = all.Where(m => m.Recipient == group.Key).Min(m => m.Id);
                    Assert.Equal(oldestOpen, group.Min(m => m.Id));
                }
            }
        }
        finally
        {
            foreach (var db in instances)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task When_the_platform_is_back_its_retries_are_due_at_once_in_order()
    {
        var now = await DrainAsync();
        var (alice, _) = await QueueAsync(2, now);
        var first = (await outbox.ClaimDueAsync(50, Lease, now, None)).Where(m => m.Recipient == alice).ToList();
        foreach (var message in first)
        {
            await outbox.RescheduleAsync(message.Id, now.AddMinutes(30), "503", None);
        }

        var otherChannel = await outbox.ExpediteRetriesAsync("facebook", now.AddMinutes(1), None);
        var expedited = await outbox.ExpediteRetriesAsync("zalo", now.AddMinutes(1), None);
        var retried = await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(1), None);

        Assert.Equal((0, 2), (otherChannel, expedited));
        Assert.Equal(first.Select(m => m.Id), retried.Where(m => m.Recipient == alice).Select(m => m.Id));
    }

    [Fact]
    public async Task A_message_claimed_again_after_a_claim_that_recorded_nothing_is_marked_interrupted_for_staff_too()
    {
        var now = await DrainAsync();
        var (alice, aliceCase) = await QueueAsync(2, now);
        var first = (await outbox.ClaimDueAsync(50, Lease, now, None)).Where(m => m.Recipient == alice).ToList();
        await outbox.RescheduleAsync(first[1].Id, now, "timeout", None); // an outcome, then the instance dies

        var afterLease = (await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(2), None)).Where(m => m.Recipient == alice).ToList();
        var listed = await outbox.ListForCaseAsync(aliceCase, None);
        await outbox.RescheduleAsync(afterLease[0].Id, now.AddMinutes(2), "timeout", None);
        await outbox.RescheduleAsync(afterLease[1].Id, now.AddMinutes(2), "timeout", None);
        var retried = (await outbox.ClaimDueAsync(50, Lease, now.AddMinutes(3), None)).Where(m => m.Recipient == alice).ToList();

        Assert.All(first, m => Assert.False(m.Interrupted));
        Assert.Equal([true, false], afterLease.Select(m => m.Interrupted));
        Assert.Equal(OutboxMessage.InterruptedNote, afterLease[0].LastError);
        Assert.Equal("timeout", afterLease[1].LastError);
        Assert.Equal([OutboxMessage.InterruptedNote, "timeout"], listed.Select(m => m.LastError));
        Assert.Equal([false, false], retried.Select(m => m.Interrupted)); // its last claim ended with an outcome
    }

    /// <summary>Finishes whatever earlier tests left due and returns a fresh clock for this test.</summary>
    private async Task<DateTimeOffset> DrainAsync()
    {
        var now = Monday.AddYears(1).AddDays(Random.Shared.Next(1, 3000));
        IReadOnlyList<OutboxMessage> leftover;
        while ((leftover = await outbox.ClaimDueAsync(500, TimeSpan.FromDays(36500), now.AddYears(100), None)).Count > 0)
        {
            foreach (var message in leftover)
            {
                await outbox.MarkSentAsync(message.Id, now, None);
            }
        }

        return now;
    }

    private async Task<(CitizenAddress Recipient, Guid CaseId)> QueueAsync(int notices, DateTimeOffset now, string channel = "zalo")
    {
        var address = new CitizenAddress(channel, Unique("U"));
        var submitted = New(address: address, submittedAt: now.AddMinutes(-1));
        var transition = Submitted(submitted) with
        {
            Notices = [.. Enumerable.Range(0, notices).Select(i => Notice.Of(NoticeKind.Filed, submitted.Code, ("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))],
        };
        await cases.InsertAsync(transition, None);
        return (address, submitted.Id);
    }
}

public sealed class OutboxStoreSqliteTests(SqliteStoreFixture store) : OutboxStoreContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class OutboxStorePostgresTests(PostgresStoreFixture store) : OutboxStoreContract(store), IClassFixture<PostgresStoreFixture>;
