using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Conversations in Redis (when <c>ConnectionStrings:Redis</c> is set), so any instance can serve any page:
/// <c>dl:conv:{id}</c> (owner, last sequence), <c>dl:log:{id}</c> (sorted set scored by sequence, trimmed to
/// <see cref="DirectLineOptions.MaxActivitiesPerConversation"/>), <c>dl:user:{userId}</c> (conversations scored by last
/// read). Keys expire after <see cref="DirectLineOptions.ConversationIdleExpiry"/>; appends are published so every
/// instance wakes its own streams.
/// </summary>
public sealed class RedisDirectLineConversationStore : IDirectLineConversationStore, IDisposable
{
    // KEYS: conv, user. ARGV: userId, conversationId, now (ms), ttl (ms)
    private const string StartScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'user', ARGV[1], 'seq', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    // KEYS: conv, log. ARGV: activity json, max kept, ttl (ms). Returns the sequence, or nil when the conversation is gone.
    private const string AppendScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
        redis.call('ZADD', KEYS[2], seq, seq .. ':' .. ARGV[1])
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return seq
        """;

    private readonly IConnectionMultiplexer redis;
    private readonly RedisKeys keys;
    private readonly DirectLineOptions settings;
    private readonly TimeProvider clock;
    private readonly RedisChannel changes;
    private readonly ConversationSignals signals;
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private volatile bool subscribed;

    public RedisDirectLineConversationStore(
        IConnectionMultiplexer redis, RedisKeys keys, IOptions<DirectLineOptions> options, ConversationSignals signals, TimeProvider clock)
    {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        settings = options.Value;
        this.signals = signals;
        changes = RedisChannel.Literal(keys.For("dl", "changed").ToString());
    }

    public async Task StartAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(
            StartScript,
            [Conversation(conversationId), User(userId)],
            [userId, conversationId, Now(), Ttl()]);

    public async Task<string?> FindOwnerAsync(string conversationId, CancellationToken cancellationToken)
    {
        var owner = await redis.GetDatabase().HashGetAsync(Conversation(conversationId), "user");
        return owner.IsNullOrEmpty ? null : owner.ToString();
    }

    public async Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = null; // the id is the sequence, given back on read
        var json = JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            AppendScript,
            [Conversation(conversationId), Log(conversationId)],
            [json, settings.MaxActivitiesPerConversation, Ttl()]);
        if (result.IsNull)
        {
            return null;
        }

        activity.Id = Id(conversationId, (long)result);
        signals.Notify(conversationId); // this instance's streams at once; others through the channel
        await redis.GetSubscriber().PublishAsync(changes, conversationId);
        return activity.Id;
    }

    public async Task<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var conversation = await db.HashGetAsync(Conversation(conversationId), ["user", "seq"]);
        if (conversation[0].IsNullOrEmpty)
        {
            return null;
        }

        await EnsureSubscribedAsync(); // a stream reads before it waits: from then on appends on any instance wake it
        var entries = await db.SortedSetRangeByScoreWithScoresAsync(Log(conversationId), watermark, double.PositiveInfinity, Exclude.Start);
        var batch = db.CreateBatch();
        var touched = new[]
        {
            batch.KeyExpireAsync(Conversation(conversationId), TimeSpan.FromMilliseconds(Ttl())),
            batch.KeyExpireAsync(Log(conversationId), TimeSpan.FromMilliseconds(Ttl())),
            batch.SortedSetAddAsync(User(conversation[0].ToString()), conversationId, Now()),
            batch.KeyExpireAsync(User(conversation[0].ToString()), TimeSpan.FromMilliseconds(Ttl())),
        };
        batch.Execute();
        await Task.WhenAll(touched);

        var activities = new List<Activity>(entries.Length);
        foreach (var entry in entries)
        {
            var member = entry.Element.ToString();
            var activity = JsonSerializer.Deserialize(member.AsSpan(member.IndexOf(':') + 1), ActivityJsonContext.Default.Activity)!;
            activity.Id = Id(conversationId, (long)entry.Score);
            activities.Add(activity);
        }

        var last = (long)conversation[1];
        var next = entries.Length > 0 ? (long)entries[^1].Score : Math.Min(Math.Max(watermark, 0), last);
        return new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<string>> FindOpenAsync(string userId, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var now = Now();
        await db.SortedSetRemoveRangeByScoreAsync(User(userId), double.NegativeInfinity, now - Ttl());
        var recent = await db.SortedSetRangeByScoreAsync(User(userId), now - (long)settings.OpenWindow.TotalMilliseconds, double.PositiveInfinity);
        var open = new List<string>(recent.Length);
        foreach (var conversationId in recent.Select(c => c.ToString()))
        {
            if (await db.KeyExistsAsync(Conversation(conversationId)))
            {
                open.Add(conversationId);
            }
        }

        return open;
    }

    public void Dispose() => subscribing.Dispose();

    /// <summary>
    /// Subscribes to appends on first read rather than at construction, so an unreachable Redis at start does not stop
    /// the host (readiness reports it); the client re-subscribes by itself after a reconnect.
    /// </summary>
    private async Task EnsureSubscribedAsync()
    {
        if (subscribed)
        {
            return;
        }

        await subscribing.WaitAsync();
        try
        {
            if (!subscribed)
            {
                await redis.GetSubscriber().SubscribeAsync(changes, (_, conversationId) => signals.Notify(conversationId.ToString()));
                subscribed = true;
            }
        }
        finally
        {
            subscribing.Release();
        }
    }

    private static string Id(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    private RedisKey Conversation(string conversationId) => keys.For("dl:conv", conversationId);

    private RedisKey Log(string conversationId) => keys.For("dl:log", conversationId);

    private RedisKey User(string userId) => keys.For("dl:user", userId);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private long Ttl() => (long)settings.ConversationIdleExpiry.TotalMilliseconds;
}
