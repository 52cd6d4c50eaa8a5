using System.Security.Cryptography;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Storage;
using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

/// <summary>
/// The Redis inbox against the real Redis, held to what the SQL inbox does (Workflow.Tests' <c>InboxStoreContract</c>,
/// mirrored here): acknowledged means never lost, re-delivered means not twice, one conversation one item at a time.
/// Each test has its own key prefix.
/// </summary>
public sealed class RedisInboxStoreTests(RedisInboxStoreTests.Connection redis) : IClassFixture<RedisInboxStoreTests.Connection>, IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string prefix = $"test:{Guid.NewGuid():N}:";
    private static readonly AesGcmPersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32));
    private RedisInboxStore inbox = null!;

    public Task InitializeAsync()
    {
        inbox = new RedisInboxStore(redis.Multiplexer, new RedisKeys(prefix), Protector, new InboxOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        var server = redis.Multiplexer.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            await redis.Multiplexer.GetDatabase().KeyDeleteAsync(key);
        }
    }

    [Fact]
    public async Task A_redelivered_event_is_recognised_and_stored_once()
    {
        Assert.True(await inbox.AppendAsync("zalo", "mid-1", "zalo:1", "{\"text\":\"xin chào\"}", Now, None));
        Assert.False(await inbox.AppendAsync("zalo", "mid-1", "zalo:1", "{\"text\":\"xin chào\"}", Now.AddSeconds(5), None));
        Assert.True(await inbox.AppendAsync("facebook", "mid-1", "facebook:1", "{}", Now, None)); // another platform's id space

        var claimed = await inbox.ClaimAsync(10, Lease, Now, None);
        Assert.Equal(2, claimed.Count);
        var zalo = claimed.Single(i => i.Source == "zalo");
        Assert.Equal(("{\"text\":\"xin chào\"}", "mid-1", "zalo:1", Now, 0), (zalo.Payload, zalo.MessageId, zalo.ConversationKey, zalo.ReceivedAt, zalo.Attempts));
    }

    [Fact]
    public async Task A_redelivery_after_completion_is_still_recognised_for_the_retention_then_forgotten()
    {
        await inbox.AppendAsync("zalo", "mid-2", "zalo:2", "xin chào", Now, None);
        await inbox.CompleteAsync((await inbox.ClaimAsync(10, Lease, Now, None)).Single().Id, Now, None);

        Assert.False(await inbox.AppendAsync("zalo", "mid-2", "zalo:2", "xin chào", Now.AddMinutes(10), None));
        var ttl = await redis.Multiplexer.GetDatabase().KeyTimeToLiveAsync(prefix + "{inbox}:seen:zalo:mid-2");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        Assert.Empty(await inbox.ClaimAsync(10, Lease, Now.AddMinutes(10), None));
        Assert.Equal(0, await inbox.CountPendingAsync(None));
        Assert.Equal(0, await inbox.ForgetDoneAsync(Now.AddYears(1), 100, None)); // its key expires by itself
        Assert.False(await inbox.AppendAsync("zalo", "mid-2", "zalo:2", "xin chào", Now.AddMinutes(20), None));
    }

    [Fact]
    public async Task One_conversation_is_handed_out_one_item_at_a_time_in_order()
    {
        const string conversation = "zalo:3";
        for (var i = 0; i < 3; i++)
        {
            await inbox.AppendAsync("zalo", $"mid-{i}", conversation, $"turn {i}", Now.AddMilliseconds(i), None);
        }

        var first = await inbox.ClaimAsync(10, Lease, Now, None);
        var whileBusy = await inbox.ClaimAsync(10, Lease, Now, None);
        await inbox.CompleteAsync(first.Single().Id, Now, None);
        var second = await inbox.ClaimAsync(10, Lease, Now.AddSeconds(1), None);
        await inbox.ReleaseAsync(second.Single().Id, Now.AddSeconds(10), "store down", None);
        var beforeRetry = await inbox.ClaimAsync(10, Lease, Now.AddSeconds(5), None);
        var retried = await inbox.ClaimAsync(10, Lease, Now.AddSeconds(10), None);

        Assert.Equal("turn 0", first.Single().Payload);
        Assert.Empty(whileBusy);
        Assert.Equal("turn 1", second.Single().Payload);
        Assert.Empty(beforeRetry);
        Assert.Equal(("turn 1", 1), (retried.Single().Payload, retried.Single().Attempts));
        Assert.Equal(2, await inbox.CountPendingAsync(None));

        await inbox.CompleteAsync(retried.Single().Id, Now.AddSeconds(11), None);
        var third = await inbox.ClaimAsync(10, Lease, Now.AddSeconds(11), None);
        await inbox.CompleteAsync(third.Single().Id, Now.AddSeconds(12), None);
        Assert.Equal(("turn 2", 0), (third.Single().Payload, third.Single().Attempts));
        Assert.Empty(await inbox.ClaimAsync(10, Lease, Now.AddDays(1), None));
        Assert.Equal(0, await inbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Different_conversations_go_out_together_and_an_ended_lease_makes_an_item_due_again()
    {
        await inbox.AppendAsync("zalo", "mid-a", "a:1", "a", Now, None);
        await inbox.AppendAsync("zalo", "mid-b", "b:1", "b", Now, None);

        var both = await inbox.ClaimAsync(10, Lease, Now, None);
        var stillLeased = await inbox.ClaimAsync(10, Lease, Now + Lease - TimeSpan.FromMilliseconds(1), None);
        var crashedInstanceLeaseEnded = await inbox.ClaimAsync(10, Lease, Now + Lease, None);

        Assert.Equal(["a", "b"], both.Select(i => i.Payload));
        Assert.Empty(stillLeased);
        Assert.Equal(both.Select(i => i.Id), crashedInstanceLeaseEnded.Select(i => i.Id));
    }

    [Fact]
    public async Task At_most_max_are_claimed_the_earliest_due_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await inbox.AppendAsync("zalo", $"mid-{i}", $"zalo:{i}", $"c{i}", Now.AddSeconds(-i), None);
        }

        var two = await inbox.ClaimAsync(2, Lease, Now, None);
        var rest = await inbox.ClaimAsync(10, Lease, Now, None);

        Assert.Equal(["c3", "c4"], two.Select(i => i.Payload));
        Assert.Equal(["c0", "c1", "c2"], rest.Select(i => i.Payload));
    }

    [Fact]
    public async Task An_item_stored_under_another_key_is_handed_out_unreadable_and_once_set_aside_no_longer_holds_up_its_conversation()
    {
        var otherKey = new RedisInboxStore(
            redis.Multiplexer, new RedisKeys(prefix), new AesGcmPersonalDataProtector(RandomNumberGenerator.GetBytes(32)), new InboxOptions());
        await otherKey.AppendAsync("zalo", "mid-k", "zalo:k", "written under another key", Now, None);
        await inbox.AppendAsync("zalo", "mid-n", "zalo:k", "the next message", Now.AddSeconds(1), None);

        var unreadable = Assert.Single(await inbox.ClaimAsync(10, Lease, Now.AddSeconds(1), None));
        Assert.Equal((true, string.Empty), (unreadable.Unreadable, unreadable.Payload));
        await inbox.SetAsideAsync(unreadable.Id, Now.AddSeconds(2), "payload cannot be decrypted", None);
        await inbox.CompleteAsync(unreadable.Id, Now.AddSeconds(2), None); // a late completion does not undo it
        await inbox.ReleaseAsync(unreadable.Id, Now.AddSeconds(2), "nor a late release", None);

        var next = Assert.Single(await inbox.ClaimAsync(10, Lease, Now.AddSeconds(2), None));
        Assert.Equal(("the next message", false), (next.Payload, next.Unreadable));
        Assert.Equal(1, await inbox.CountPendingAsync(None));
        Assert.False(await inbox.AppendAsync("zalo", "mid-k", "zalo:k", "re-delivered", Now.AddSeconds(3), None));

        var db = redis.Multiplexer.GetDatabase();
        var kept = await db.HashGetAsync(inbox.ItemKey(unreadable.Id), ["payload", "err", "aside"]);
        Assert.StartsWith("v1:", (string?)kept[0], StringComparison.Ordinal); // kept as stored, for whoever holds its key
        Assert.Equal("payload cannot be decrypted", (string?)kept[1]);
        Assert.Equal(Now.AddSeconds(2).ToUnixTimeMilliseconds(), (long)kept[2]);
        Assert.Equal([unreadable.Id], (await db.SetMembersAsync(prefix + "{inbox}:aside")).Select(v => (long)v));
        Assert.Equal(1, await inbox.CountSetAsideAsync(None));
    }

    [Fact]
    public async Task What_the_citizen_typed_is_stored_encrypted()
    {
        await inbox.AppendAsync("zalo", "mid-9", "zalo:9", "số điện thoại của tôi là 0912777888", Now, None);
        var id = (await inbox.ClaimAsync(10, Lease, Now, None)).Single().Id;

        var stored = (string?)await redis.Multiplexer.GetDatabase().HashGetAsync(inbox.ItemKey(id), "payload");

        Assert.NotNull(stored);
        Assert.DoesNotContain("0912777888", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_platform_is_back_its_released_items_are_due_at_once()
    {
        await inbox.AppendAsync("zalo", "mid-r", "zalo:r", "replies", Now, None);
        await inbox.AppendAsync("facebook", "mid-o", "facebook:o", "other platform", Now, None);
        await inbox.AppendAsync("zalo", "mid-l", "zalo:l", "still leased", Now, None);
        var claimed = await inbox.ClaimAsync(10, Lease, Now, None);
        foreach (var item in claimed.Where(i => i.Payload != "still leased"))
        {
            await inbox.ReleaseAsync(item.Id, Now.AddMinutes(5), "503", None);
        }

        var expedited = await inbox.ExpediteRetriesAsync("zalo", Now.AddSeconds(1), None);
        var due = await inbox.ClaimAsync(10, Lease, Now.AddSeconds(1), None);

        Assert.Equal(1, expedited);
        Assert.Equal(["replies"], due.Select(i => i.Payload)); // not the other platform's, and the leased one stays leased
        Assert.Equal(0, await inbox.ExpediteRetriesAsync("zalo", Now.AddSeconds(1), None));
    }

    [Fact]
    public async Task What_the_citizen_sent_after_an_item_is_listed_in_order_until_it_is_done()
    {
        await inbox.AppendAsync("zalo", "mid-a", "zalo:later", "a", Now, None);
        await inbox.AppendAsync("zalo", "mid-b", "zalo:later", "b", Now.AddSeconds(1), None);
        await inbox.AppendAsync("zalo", "mid-other", "zalo:someone-else", "x", Now.AddSeconds(1), None);
        await inbox.AppendAsync("zalo", "mid-c", "zalo:later", "c", Now.AddSeconds(2), None);
        var first = (await inbox.ClaimAsync(10, Lease, Now.AddSeconds(3), None)).Single(i => i.MessageId == "mid-a");

        Assert.Equal(["mid-b", "mid-c"], await inbox.LaterMessageIdsAsync("zalo:later", first.Id, None));
        await inbox.CompleteAsync(first.Id, Now, None);
        var second = (await inbox.ClaimAsync(10, Lease, Now.AddSeconds(3), None)).Single(i => i.MessageId == "mid-b");
        Assert.Equal(["mid-c"], await inbox.LaterMessageIdsAsync("zalo:later", second.Id, None));
        Assert.Equal(["mid-other"], await inbox.LaterMessageIdsAsync("zalo:someone-else", 0, None));
    }

    [Fact]
    public async Task What_the_platform_took_of_an_items_replies_comes_back_with_it_when_its_lease_ends()
    {
        await inbox.AppendAsync("zalo", "mid-dlv", "zalo:dlv", "two replies", Now, None);
        var first = Assert.Single(await inbox.ClaimAsync(10, Lease, Now, None));

        await inbox.RecordDeliveredAsync(first.Id, 1, None);
        var again = Assert.Single(await inbox.ClaimAsync(10, Lease, Now + Lease, None));

        Assert.Equal((0, first.Id, 1), (first.Delivered, again.Id, again.Delivered));
        await inbox.CompleteAsync(again.Id, Now, None);
        await inbox.RecordDeliveredAsync(again.Id, 2, None); // finished: ignored
        Assert.False(await redis.Multiplexer.GetDatabase().KeyExistsAsync(inbox.ItemKey(again.Id)));
    }

    [Fact]
    public async Task A_finished_item_completed_or_released_again_changes_nothing()
    {
        await inbox.AppendAsync("zalo", "mid-x", "zalo:x", "first", Now, None);
        await inbox.AppendAsync("zalo", "mid-y", "zalo:x", "second", Now, None);
        var first = (await inbox.ClaimAsync(10, Lease, Now, None)).Single();
        await inbox.CompleteAsync(first.Id, Now, None);

        await inbox.CompleteAsync(first.Id, Now, None); // a second instance whose lease had ended finishes late
        await inbox.ReleaseAsync(first.Id, Now.AddMinutes(1), "late", None);

        Assert.Equal(1, await inbox.CountPendingAsync(None));
        Assert.Equal(["second"], (await inbox.ClaimAsync(10, Lease, Now, None)).Select(i => i.Payload));
    }

    /// <summary>One connection to the shared test Redis for the class.</summary>
    public sealed class Connection : IAsyncLifetime
    {
        public IConnectionMultiplexer Multiplexer { get; private set; } = null!;

        public async Task InitializeAsync() => Multiplexer = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

        public async Task DisposeAsync() => await Multiplexer.DisposeAsync();
    }
}
