using System.Security.Cryptography;
using Dapper;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>What every <see cref="IInboxStore"/> must do (SPEC §5: acknowledged means never lost, re-delivered means not twice).</summary>
public abstract class InboxStoreContract(StoreFixture store)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqlInboxStore inbox = new(store.Database, store.Protector);

    [Fact]
    public async Task A_redelivered_event_is_recognised_and_stored_once()
    {
        var now = await DrainAsync();
        var id = Unique("mid");

        Assert.True(await inbox.AppendAsync("zalo", id, "zalo:1", "{\"text\":\"xin chào\"}", now, None));
        Assert.False(await inbox.AppendAsync("zalo", id, "zalo:1", "{\"text\":\"xin chào\"}", now.AddSeconds(5), None));
        Assert.True(await inbox.AppendAsync("facebook", id, "facebook:1", "{}", now, None)); // another platform's id space

        var claimed = await inbox.ClaimAsync(10, Lease, now, None);
        Assert.Equal(2, claimed.Count);
        Assert.Equal("{\"text\":\"xin chào\"}", claimed.Single(i => i.Source == "zalo").Payload);
    }

    [Fact]
    public async Task One_conversation_is_handed_out_one_item_at_a_time_in_order()
    {
        var now = await DrainAsync();
        var conversation = Unique("zalo:");
        for (var i = 0; i < 3; i++)
        {
            await inbox.AppendAsync("zalo", Unique("mid"), conversation, $"turn {i}", now.AddMilliseconds(i), None);
        }

        var first = await inbox.ClaimAsync(10, Lease, now, None);
        var whileBusy = await inbox.ClaimAsync(10, Lease, now, None);
        await inbox.CompleteAsync(first.Single().Id, now, None);
        var second = await inbox.ClaimAsync(10, Lease, now.AddSeconds(1), None);
        await inbox.ReleaseAsync(second.Single().Id, now.AddSeconds(10), "store down", None);
        var beforeRetry = await inbox.ClaimAsync(10, Lease, now.AddSeconds(5), None);
        var retried = await inbox.ClaimAsync(10, Lease, now.AddSeconds(10), None);

        Assert.Equal("turn 0", first.Single().Payload);
        Assert.Empty(whileBusy);
        Assert.Equal("turn 1", second.Single().Payload);
        Assert.Empty(beforeRetry);
        Assert.Equal(("turn 1", 1), (retried.Single().Payload, retried.Single().Attempts));
        Assert.Equal(2, await inbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Different_conversations_go_out_together_and_an_ended_lease_makes_an_item_due_again()
    {
        var now = await DrainAsync();
        await inbox.AppendAsync("zalo", Unique("mid"), Unique("a:"), "a", now, None);
        await inbox.AppendAsync("zalo", Unique("mid"), Unique("b:"), "b", now, None);

        var both = await inbox.ClaimAsync(10, Lease, now, None);
        var crashedInstanceLeaseEnded = await inbox.ClaimAsync(10, Lease, now + Lease, None);

        Assert.Equal(["a", "b"], both.Select(i => i.Payload));
        Assert.Equal(both.Select(i => i.Id), crashedInstanceLeaseEnded.Select(i => i.Id));
    }

    [Fact]
    public async Task What_the_citizen_sent_after_an_item_is_listed_in_order_until_it_is_done()
    {
        var now = await DrainAsync();
        var conversation = Unique("zalo:");
        var ids = new[] { Unique("mid"), Unique("mid"), Unique("mid") };
        for (var i = 0; i < ids.Length; i++)
        {
            await inbox.AppendAsync("zalo", ids[i], conversation, $"turn {i}", now.AddMilliseconds(i), None);
        }

        await inbox.AppendAsync("zalo", Unique("mid"), Unique("zalo:"), "someone else", now, None);
        var first = (await inbox.ClaimAsync(10, Lease, now, None)).Single(i => i.ConversationKey == conversation);

        Assert.Equal(ids[1..], await inbox.LaterMessageIdsAsync(conversation, first.Id, None));
        await inbox.CompleteAsync(first.Id, now, None);
        var second = (await inbox.ClaimAsync(10, Lease, now.AddSeconds(1), None)).Single(i => i.ConversationKey == conversation);
        Assert.Equal(ids[2..], await inbox.LaterMessageIdsAsync(conversation, second.Id, None));
    }

    [Fact]
    public async Task What_the_platform_took_of_an_items_replies_comes_back_with_it_when_its_lease_ends()
    {
        var now = await DrainAsync();
        var conversation = Unique("zalo:");
        await inbox.AppendAsync("zalo", Unique("mid"), conversation, "two replies", now, None);
        var first = (await inbox.ClaimAsync(10, Lease, now, None)).Single(i => i.ConversationKey == conversation);

        await inbox.RecordDeliveredAsync(first.Id, 1, None);
        var again = (await inbox.ClaimAsync(10, Lease, now + Lease, None)).Single(i => i.ConversationKey == conversation);

        Assert.Equal((0, first.Id, 1), (first.Delivered, again.Id, again.Delivered));
        await inbox.CompleteAsync(again.Id, now, None);
        await inbox.RecordDeliveredAsync(again.Id, 2, None); // finished: ignored

        await using var connection = await store.Database.OpenAsync(None);
        Assert.Equal(1, await connection.QuerySingleAsync<int>("SELECT delivered FROM inbox WHERE id = @id", new { id = again.Id }));
    }

    [Fact]
    public async Task What_the_citizen_typed_is_stored_encrypted()
    {
        var now = await DrainAsync();
        var id = Unique("mid");
        await inbox.AppendAsync("zalo", id, "zalo:9", "số điện thoại của tôi là 0912777888", now, None);

        await using var connection = await store.Database.OpenAsync(None);
        var stored = await connection.QuerySingleAsync<string>("SELECT payload FROM inbox WHERE message_id = @id", new { id });

        Assert.DoesNotContain("0912777888", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_stored_under_another_key_is_handed_out_unreadable_and_once_set_aside_no_longer_holds_up_its_conversation()
    {
        var now = await DrainAsync();
        var setAsideBefore = await inbox.CountSetAsideAsync(None);
        var conversation = Unique("zalo:");
        var otherKey = new SqlInboxStore(store.Database, new AesGcmPersonalDataProtector(RandomNumberGenerator.GetBytes(32)));
        var unreadableId = Unique("mid");
        await otherKey.AppendAsync("zalo", unreadableId, conversation, "written under another key", now, None);
        await inbox.AppendAsync("zalo", Unique("mid"), conversation, "the next message", now.AddSeconds(1), None);

        var unreadable = Assert.Single(await inbox.ClaimAsync(10, Lease, now.AddSeconds(1), None));
        Assert.Equal((true, string.Empty), (unreadable.Unreadable, unreadable.Payload));
        await inbox.SetAsideAsync(unreadable.Id, now.AddSeconds(2), "payload cannot be decrypted", None);
        await inbox.CompleteAsync(unreadable.Id, now.AddSeconds(2), None); // a late completion does not undo it

        var next = Assert.Single(await inbox.ClaimAsync(10, Lease, now.AddSeconds(2), None));
        Assert.Equal(("the next message", false), (next.Payload, next.Unreadable));
        Assert.Equal(1, await inbox.CountPendingAsync(None));
        Assert.False(await inbox.AppendAsync("zalo", unreadableId, conversation, "re-delivered", now.AddSeconds(3), None));

        await using var connection = await store.Database.OpenAsync(None);
        var kept = await connection.QuerySingleAsync<(string Status, string Payload, string LastError)>(
            "SELECT status, payload, last_error FROM inbox WHERE id = @id", new { id = unreadable.Id });
        Assert.Equal(("set_aside", "payload cannot be decrypted"), (kept.Status, kept.LastError));
        Assert.Equal(setAsideBefore + 1, await inbox.CountSetAsideAsync(None));
        Assert.StartsWith("v1:", kept.Payload, StringComparison.Ordinal); // kept as stored, for whoever holds its key
    }

    [Fact]
    public async Task A_done_item_keeps_only_its_key_and_is_forgotten_after_the_retention()
    {
        var now = await DrainAsync();
        var (old, recent, waiting, aside) = (Unique("mid"), Unique("mid"), Unique("mid"), Unique("mid"));
        await inbox.AppendAsync("zalo", old, Unique("zalo:"), "số điện thoại 0912777888", now, None);
        await inbox.CompleteAsync(Assert.Single(await inbox.ClaimAsync(10, Lease, now, None)).Id, now, None);
        await inbox.AppendAsync("zalo", recent, Unique("zalo:"), "recent", now, None);
        await inbox.CompleteAsync(Assert.Single(await inbox.ClaimAsync(10, Lease, now, None)).Id, now.AddDays(2), None);
        await inbox.AppendAsync("zalo", aside, Unique("zalo:"), "set aside", now, None);
        await inbox.SetAsideAsync(Assert.Single(await inbox.ClaimAsync(10, Lease, now, None)).Id, now, "unreadable", None);
        await inbox.AppendAsync("zalo", waiting, Unique("zalo:"), "still waiting", now, None);

        await using var connection = await store.Database.OpenAsync(None);
        Assert.Equal(string.Empty, await connection.QuerySingleAsync<string>("SELECT payload FROM inbox WHERE message_id = @old", new { old }));
        Assert.False(await inbox.AppendAsync("zalo", old, "zalo:x", "re-delivered", now.AddHours(1), None)); // recognised

        Assert.True(await inbox.ForgetDoneAsync(now.AddDays(1), 100_000, None) >= 1);

        var left = (await connection.QueryAsync<string>(
            "SELECT message_id FROM inbox WHERE message_id IN (@old, @recent, @waiting, @aside)", new { old, recent, waiting, aside })).ToHashSet();
        Assert.Equal(new[] { recent, waiting, aside }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
        Assert.True(await inbox.AppendAsync("zalo", old, "zalo:x", "sent again much later", now.AddDays(3), None)); // forgotten
    }

    [Fact]
    public async Task Forgetting_goes_in_batches_of_at_most_max()
    {
        var now = await DrainAsync();
        await inbox.ForgetDoneAsync(now.AddYears(200), 100_000, None); // what other tests left
        for (var i = 0; i < 3; i++)
        {
            await inbox.AppendAsync("zalo", Unique("mid"), Unique("zalo:"), "done", now, None);
        }

        foreach (var item in await inbox.ClaimAsync(10, Lease, now, None))
        {
            await inbox.CompleteAsync(item.Id, now, None);
        }

        Assert.Equal(2, await inbox.ForgetDoneAsync(now.AddSeconds(1), 2, None));
        Assert.Equal(1, await inbox.ForgetDoneAsync(now.AddSeconds(1), 2, None));
        Assert.Equal(0, await inbox.ForgetDoneAsync(now.AddSeconds(1), 2, None));
    }

    [Fact]
    public async Task When_the_platform_is_back_its_released_items_are_due_at_once()
    {
        var now = await DrainAsync();
        await inbox.AppendAsync("zalo", Unique("mid"), Unique("zalo:"), "replies", now, None);
        await inbox.AppendAsync("facebook", Unique("mid"), Unique("facebook:"), "other platform", now, None);
        await inbox.AppendAsync("zalo", Unique("mid"), Unique("zalo:"), "still leased", now, None);
        var claimed = await inbox.ClaimAsync(10, Lease, now, None);
        foreach (var item in claimed.Where(i => i.Payload != "still leased"))
        {
            await inbox.ReleaseAsync(item.Id, now.AddMinutes(5), "503", None);
        }

        var expedited = await inbox.ExpediteRetriesAsync("zalo", now.AddSeconds(1), None);
        var due = await inbox.ClaimAsync(10, Lease, now.AddSeconds(1), None);

        Assert.Equal(1, expedited);
        Assert.Equal(["replies"], due.Select(i => i.Payload)); // not the other platform's, and the leased one stays leased
    }

    private async Task<DateTimeOffset> DrainAsync()
    {
        var now = Monday.AddDays(Random.Shared.Next(1, 3000));
        IReadOnlyList<InboxItem> leftover;
        while ((leftover = await inbox.ClaimAsync(500, TimeSpan.FromDays(36500), now.AddYears(100), None)).Count > 0)
        {
            foreach (var item in leftover)
            {
                await inbox.CompleteAsync(item.Id, now, None);
            }
        }

        return now;
    }
}

public sealed class InboxStoreSqliteTests(SqliteStoreFixture store) : InboxStoreContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class InboxStorePostgresTests(PostgresStoreFixture store) : InboxStoreContract(store), IClassFixture<PostgresStoreFixture>;
