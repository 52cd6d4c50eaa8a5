using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.Channels.Tests.DirectLine;

/// <summary>What every conversation log does, in process or in Redis.</summary>
public abstract class ConversationStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected ConversationSignals Signals { get; } = new();

    protected abstract IDirectLineConversationStore Create(Action<DirectLineOptions>? configure = null);

    protected static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Activities_get_sequential_ids_and_a_watermark_pages_through_them()
    {
        var store = Create();
        await store.StartAsync("c1", "dl_u", default);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal($"c1|000000{i}", await store.AppendAsync("c1", Message($"m{i}"), default));
        }

        var first = await store.ReadAsync("c1", 0, default);
        Assert.Equal(["m1", "m2", "m3"], first!.Activities.Select(a => a.Text));
        Assert.Equal("3", first.Watermark);

        var none = await store.ReadAsync("c1", 3, default);
        Assert.Empty(none!.Activities);
        Assert.Equal("3", none.Watermark);

        await store.AppendAsync("c1", Message("m4"), default);
        var next = await store.ReadAsync("c1", 3, default);
        Assert.Equal(["m4"], next!.Activities.Select(a => a.Text));
        Assert.Equal("4", next.Watermark);
    }

    [Fact]
    public async Task A_long_conversation_keeps_only_its_latest_activities_and_watermarks_stay_valid()
    {
        var store = Create(o => o.MaxActivitiesPerConversation = 10);
        await store.StartAsync("c1", "dl_u", default);
        for (var i = 1; i <= 25; i++)
        {
            await store.AppendAsync("c1", Message($"m{i}"), default);
        }

        var all = await store.ReadAsync("c1", 0, default);
        Assert.Equal(Enumerable.Range(16, 10).Select(i => $"m{i}"), all!.Activities.Select(a => a.Text));
        Assert.Equal("25", all.Watermark);
        Assert.Equal(["m25"], (await store.ReadAsync("c1", 24, default))!.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task Only_conversations_read_recently_count_as_open_pages_of_their_user()
    {
        var store = Create(o => o.OpenWindow = TimeSpan.FromMinutes(2));
        await store.StartAsync("c1", "dl_u", default);
        await store.StartAsync("c2", "dl_u", default);
        await store.StartAsync("other", "dl_v", default);
        Assert.Equal(["c1", "c2"], (await store.FindOpenAsync("dl_u", default)).Order());

        Clock.Advance(TimeSpan.FromMinutes(3));
        await store.ReadAsync("c2", 0, default);

        Assert.Equal(["c2"], await store.FindOpenAsync("dl_u", default));
        Assert.Empty(await store.FindOpenAsync("dl_nobody", default));
    }

    [Fact]
    public async Task Appending_wakes_whoever_waits_on_the_conversation()
    {
        var store = Create();
        await store.StartAsync("c1", "dl_u", default);
        await store.ReadAsync("c1", 0, default); // as a stream does before it waits
        var changed = Signals.NextChangeAsync("c1");
        Assert.False(changed.IsCompleted);

        await store.AppendAsync("c1", Message("hello"), default);

        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Starting_twice_keeps_the_first_owner_and_unknown_conversations_have_none()
    {
        var store = Create();
        await store.StartAsync("c1", "dl_u", default);
        await store.StartAsync("c1", "dl_intruder", default);

        Assert.Equal("dl_u", await store.FindOwnerAsync("c1", default));
        Assert.Null(await store.FindOwnerAsync("nope", default));
        Assert.Null(await store.AppendAsync("nope", Message("x"), default));
        Assert.Null(await store.ReadAsync("nope", 0, default));
    }
}

public sealed class InProcessConversationStoreTests : ConversationStoreContract
{
    [Fact]
    public async Task An_idle_conversation_is_forgotten()
    {
        var store = Create(o => o.ConversationIdleExpiry = TimeSpan.FromMinutes(30));
        await store.StartAsync("c1", "dl_u", default);
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.NotNull(await store.ReadAsync("c1", 0, default)); // a read keeps it alive
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal("dl_u", await store.FindOwnerAsync("c1", default));

        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await store.FindOwnerAsync("c1", default));
        Assert.Null(await store.AppendAsync("c1", Message("late"), default));
        Assert.Null(await store.ReadAsync("c1", 0, default));
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_active_conversation_goes_first()
    {
        var store = CreateInProcess(o => o.MaxConversations = 2);
        await store.StartAsync("c1", "dl_a", default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.StartAsync("c2", "dl_b", default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.AppendAsync("c1", Message("still here"), default);
        Clock.Advance(TimeSpan.FromSeconds(1));

        await store.StartAsync("c3", "dl_c", default);

        Assert.Equal(2, store.Count);
        Assert.NotNull(await store.FindOwnerAsync("c1", default));
        Assert.Null(await store.FindOwnerAsync("c2", default));
        Assert.NotNull(await store.FindOwnerAsync("c3", default));
    }

    protected override IDirectLineConversationStore Create(Action<DirectLineOptions>? configure = null) => CreateInProcess(configure);

    private InProcessDirectLineConversationStore CreateInProcess(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new InProcessDirectLineConversationStore(Options.Create(options), Signals, Clock);
    }
}

/// <summary>The same contract on the real Redis of the test suite (<c>PHANHOI_TEST_REDIS</c>), a fresh key prefix per class.</summary>
public sealed class RedisConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly ConnectionMultiplexer redis;
    private readonly string prefix = $"test:{Guid.NewGuid():N}:";

    public RedisConversationStoreTests()
    {
        var configuration = Environment.GetEnvironmentVariable("PHANHOI_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException("PHANHOI_TEST_REDIS is not set: run scripts/test.sh (it starts Redis and exports it).");
        }

        redis = ConnectionMultiplexer.Connect(configuration);
    }

    public void Dispose()
    {
        var server = redis.GetServers()[0];
        foreach (var key in server.Keys(pattern: prefix + "*"))
        {
            redis.GetDatabase().KeyDelete(key);
        }

        redis.Dispose();
    }

    protected override IDirectLineConversationStore Create(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new RedisDirectLineConversationStore(redis, new RedisKeys(prefix), Options.Create(options), Signals, Clock);
    }
}
