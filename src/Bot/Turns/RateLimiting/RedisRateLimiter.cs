using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.Turns.RateLimiting;

/// <summary>
/// A fixed window per citizen shared by every instance: <c>INCR</c> plus <c>PEXPIRE</c> on the first hit, in
/// one script. The hit right after the limit is the one that gets the notice.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, RedisKeys keys, RateLimitOptions options) : IRateLimiter
{
    private const string Script = """
        local n = redis.call('incr', KEYS[1])
        if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
        return n
        """;

    public async ValueTask<RateLimitOutcome> AcquireAsync(string citizenKey, CancellationToken cancellationToken)
    {
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            Script, [keys.For("rate", citizenKey)], [(long)options.Window.TotalMilliseconds]);

        return count <= options.PermitLimit ? RateLimitOutcome.Allowed
            : count == options.PermitLimit + 1 ? RateLimitOutcome.LimitedFirstTime
            : RateLimitOutcome.Limited;
    }
}
