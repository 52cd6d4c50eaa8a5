using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary><c>SET key 1 NX EX ttl</c>: atomic across instances.</summary>
public sealed class RedisDuplicateGuard(IConnectionMultiplexer redis, RedisKeys keys, DuplicateGuardOptions options) : IDuplicateGuard
{
    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(keys.For("seen", key), 1, options.Ttl, When.NotExists);

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync(keys.For("seen", key));
}
