using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.State;

/// <summary>
/// State shared by every instance: a hash <c>{v: json, e: etag}</c> per key, compare-and-set in Lua so the
/// ETag check and the write are one step.
/// </summary>
public sealed class RedisBotStateStore(IConnectionMultiplexer redis, RedisKeys keys) : IBotStateStore
{
    private const string SetScript = """
        local cur = redis.call('hget', KEYS[1], 'e')
        if ARGV[1] == '' then
          if cur then return 0 end
        elseif ARGV[1] ~= '*' then
          if cur ~= ARGV[1] then return 0 end
        end
        redis.call('hset', KEYS[1], 'v', ARGV[2], 'e', ARGV[3])
        if tonumber(ARGV[4]) > 0 then redis.call('pexpire', KEYS[1], ARGV[4]) else redis.call('persist', KEYS[1]) end
        return 1
        """;

    private const string DeleteScript = """
        local cur = redis.call('hget', KEYS[1], 'e')
        if not cur then
          if ARGV[1] == '*' or ARGV[1] == '' then return 0 end
          return -1
        end
        if ARGV[1] ~= '*' and ARGV[1] ~= '' and cur ~= ARGV[1] then return -1 end
        redis.call('del', KEYS[1])
        return 1
        """;

    private static readonly RedisValue[] Fields = ["v", "e"];

    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var values = await redis.GetDatabase().HashGetAsync(keys.For("state", key), Fields);
        return values[0].IsNull || values[1].IsNull ? null : new StateEntry((byte[])values[0]!, values[1].ToString());
    }

    public async Task<string> SetAsync(string key, byte[] value, string expectedETag, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N")[..16];
        var written = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            SetScript,
            [keys.For("state", key)],
            [expectedETag, value, etag, ttl is { } t ? (long)t.TotalMilliseconds : 0]);
        if (written != 1)
        {
            throw new StateConflictException("The state changed since it was read.");
        }

        return etag;
    }

    public async Task<bool> DeleteAsync(string key, string expectedETag, CancellationToken cancellationToken)
    {
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(DeleteScript, [keys.For("state", key)], [expectedETag]);
        return result == -1 ? throw new StateConflictException("The state changed since it was read.") : result == 1;
    }
}
