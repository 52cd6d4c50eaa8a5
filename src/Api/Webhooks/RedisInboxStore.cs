using System.Globalization;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Privacy;
using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// The durable inbox in Redis (<c>Inbox:Store=Redis</c>), with the semantics of the SQL inbox: <c>(source, messageId)</c>
/// is recognised on re-delivery (for <see cref="InboxOptions.SeenRetention"/> after completion), payloads are
/// encrypted, and only a conversation's oldest unfinished item is ever handed out. Each operation is one Lua script
/// (<see cref="RedisInboxScripts"/>), so the webhook's acknowledgement waits for a single round trip. An item set aside
/// keeps its hash (and payload) and is listed in <c>{inbox}:aside</c>. Durability is
/// Redis's own: an acknowledged event survives a Redis restart only with AOF persistence (README).
/// </summary>
public sealed class RedisInboxStore(IConnectionMultiplexer redis, RedisKeys keys, IPersonalDataProtector protector, InboxOptions options) : IInboxStore
{
    private readonly string keyBase = keys.Prefix + "{inbox}:";
    private readonly RedisKey seq = keys.Prefix + "{inbox}:seq";
    private readonly RedisKey due = keys.Prefix + "{inbox}:due";
    private readonly RedisKey leased = keys.Prefix + "{inbox}:leased";
    private readonly RedisKey pending = keys.Prefix + "{inbox}:pending";
    private readonly RedisKey aside = keys.Prefix + "{inbox}:aside";
    private readonly long keepSeenMs = (long)options.EffectiveRedisSeenRetention.TotalMilliseconds;

    /// <summary>The key of the item's hash (for tests reading what is stored).</summary>
    public RedisKey ItemKey(long id) => keyBase + "item:" + id.ToString(CultureInfo.InvariantCulture);

    public async Task<bool> AppendAsync(
        string source, string messageId, string conversationKey, string payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var id = await Database.ScriptEvaluateAsync(RedisInboxScripts.Append, new
        {
            @base = keyBase,
            seq,
            due,
            pending,
            source,
            messageId,
            conversation = conversationKey,
            payload = protector.Protect(payload),
            receivedAt = receivedAt.ToUnixTimeMilliseconds(),
        });
        return (long)id != 0;
    }

    public async Task<IReadOnlyList<InboxItem>> ClaimAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await Database.ScriptEvaluateAsync(RedisInboxScripts.Claim, new
        {
            @base = keyBase,
            due,
            leased,
            now = now.ToUnixTimeMilliseconds(),
            max,
            leaseEnd = (now + lease).ToUnixTimeMilliseconds(),
        });
        var rows = (RedisResult[])result!;
        var items = new InboxItem[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var f = (RedisResult[])rows[i]!;
            var readable = protector.TryUnprotect((string?)f[4], out var payload);
            items[i] = new InboxItem(
                (long)f[0],
                (string)f[1]!,
                (string)f[2]!,
                (string)f[3]!,
                payload ?? string.Empty,
                DateTimeOffset.FromUnixTimeMilliseconds((long)f[5]),
                (int)f[6],
                (int)f[7],
                Unreadable: !readable);
        }

        Array.Sort(items, static (a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    public Task CompleteAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(RedisInboxScripts.Complete, new
        {
            @base = keyBase,
            due,
            leased,
            pending,
            id,
            keepSeenMs,
        });

    public Task SetAsideAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(RedisInboxScripts.SetAside, new
        {
            @base = keyBase,
            due,
            leased,
            pending,
            aside,
            id,
            at = at.ToUnixTimeMilliseconds(),
            reason,
        });

    public Task RecordDeliveredAsync(long id, int delivered, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(RedisInboxScripts.Delivered, new { @base = keyBase, id, delivered });

    public Task ReleaseAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(RedisInboxScripts.Release, new
        {
            @base = keyBase,
            due,
            leased,
            id,
            retryAt = retryAt.ToUnixTimeMilliseconds(),
            error,
        });

    public async Task<int> ExpediteRetriesAsync(string source, DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)await Database.ScriptEvaluateAsync(RedisInboxScripts.Expedite, new
        {
            @base = keyBase,
            due,
            source,
            now = now.ToUnixTimeMilliseconds(),
        });

    public async Task<IReadOnlyList<string>> LaterMessageIdsAsync(string conversationKey, long id, CancellationToken cancellationToken)
    {
        var result = await Database.ScriptEvaluateAsync(RedisInboxScripts.Later, new { @base = keyBase, conversation = conversationKey, id });
        return [.. ((RedisResult[])result!).Select(r => (string)r!)];
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        (long)await Database.StringGetAsync(pending);

    public Task<long> CountSetAsideAsync(CancellationToken cancellationToken) => Database.SetLengthAsync(aside);

    /// <summary>Nothing to do: a completed item's hash is deleted at once and its idempotency key expires by itself.</summary>
    public Task<int> ForgetDoneAsync(DateTimeOffset completedBefore, int max, CancellationToken cancellationToken) => Task.FromResult(0);

    private IDatabase Database => redis.GetDatabase();
}
