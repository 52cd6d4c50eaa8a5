using System.Text;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Support;

namespace PhanHoi.Bot.Tests.State;

/// <summary>One set of rules every state store must keep; run against each implementation.</summary>
public abstract class BotStateStoreContract
{
    protected abstract IBotStateStore Store { get; }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static string Key() => "webchat/conversations/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        Assert.Null(await Store.GetAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task Written_value_reads_back_with_its_etag()
    {
        var key = Key();
        var etag = await Store.SetAsync(key, Json("{\"a\":1}"), StateETags.Absent, null, CancellationToken.None);

        var entry = await Store.GetAsync(key, CancellationToken.None);

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(entry!.Value));
        Assert.Equal(etag, entry.ETag);
    }

    [Fact]
    public async Task Write_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        var key = Key();
        var first = await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);

        var second = await Store.SetAsync(key, Json("2"), first, null, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", Encoding.UTF8.GetString((await Store.GetAsync(key, CancellationToken.None))!.Value));
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_refused_and_keeps_the_newer_value()
    {
        var key = Key();
        var first = await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);
        await Store.SetAsync(key, Json("2"), first, null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.SetAsync(key, Json("3"), first, null, CancellationToken.None));
        Assert.Equal("2", Encoding.UTF8.GetString((await Store.GetAsync(key, CancellationToken.None))!.Value));
    }

    [Fact]
    public async Task Create_only_write_is_refused_when_someone_created_it_first()
    {
        var key = Key();
        await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.SetAsync(key, Json("2"), StateETags.Absent, null, CancellationToken.None));
    }

    [Fact]
    public async Task Any_etag_overwrites_unconditionally()
    {
        var key = Key();
        await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);

        await Store.SetAsync(key, Json("2"), StateETags.Any, null, CancellationToken.None);

        Assert.Equal("2", Encoding.UTF8.GetString((await Store.GetAsync(key, CancellationToken.None))!.Value));
    }

    [Fact]
    public async Task Delete_removes_and_reports_whether_anything_was_there()
    {
        var key = Key();
        var etag = await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);

        Assert.True(await Store.DeleteAsync(key, etag, CancellationToken.None));
        Assert.Null(await Store.GetAsync(key, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(key, StateETags.Any, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_refused()
    {
        var key = Key();
        var first = await Store.SetAsync(key, Json("1"), StateETags.Absent, null, CancellationToken.None);
        await Store.SetAsync(key, Json("2"), first, null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.DeleteAsync(key, first, CancellationToken.None));
    }

    [Fact]
    public async Task Value_expires_after_its_ttl()
    {
        var key = Key();
        await Store.SetAsync(key, Json("1"), StateETags.Absent, TimeSpan.FromMilliseconds(150), CancellationToken.None);
        Assert.NotNull(await Store.GetAsync(key, CancellationToken.None));

        await Task.Delay(400);

        Assert.Null(await Store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_from_the_same_version_let_exactly_one_win()
    {
        var key = Key();
        var etag = await Store.SetAsync(key, Json("0"), StateETags.Absent, null, CancellationToken.None);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await Store.SetAsync(key, Json(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), etag, null, CancellationToken.None);
                return true;
            }
            catch (StateConflictException)
            {
                return false;
            }
        }));

        Assert.Single(attempts, won => won);
    }

    [Fact]
    public async Task Conversation_state_saves_only_when_changed_and_round_trips()
    {
        var state = new BotState<ConversationData>(Store, StateKeys.Conversation, StateJsonContext.Default.ConversationData, TimeSpan.FromHours(1));
        var activity = Messages.From("u-" + Guid.NewGuid().ToString("N"), "x");

        var loaded = await state.LoadAsync(activity, CancellationToken.None);
        loaded.Value.Stack.Add(new PhanHoi.Bot.Dialogs.DialogInstance { Id = "intake", Step = 3 });
        await state.SaveAsync(loaded, CancellationToken.None);
        var etag = loaded.ETag;
        await state.SaveAsync(loaded, CancellationToken.None);

        Assert.Equal(etag, loaded.ETag);
        var again = await state.LoadAsync(activity, CancellationToken.None);
        Assert.Equal(3, again.Value.Stack.Single().Step);
    }
}

public sealed class InProcessBotStateStoreTests : BotStateStoreContract
{
    protected override IBotStateStore Store { get; } = new InProcessBotStateStore(TimeProvider.System);
}

public sealed class RedisBotStateStoreTests : BotStateStoreContract, IClassFixture<TestRedisFixture>
{
    public RedisBotStateStoreTests(TestRedisFixture redis) =>
        Store = new RedisBotStateStore(redis.Redis.Connection, new RedisKeys(redis.Redis.Prefix));

    protected override IBotStateStore Store { get; }
}

public sealed class TestRedisFixture : IDisposable
{
    public TestRedis Redis { get; } = new();

    public void Dispose() => Redis.Dispose();
}
