using PhanHoi.Bot.Redis;
using StackExchange.Redis;

namespace PhanHoi.Bot.Turns.Ordering;

/// <summary>
/// A lock shared by every instance: <c>SET key token NX PX</c>, released only by its owner through a Lua
/// compare-and-delete, renewed while the turn runs so a slow turn does not lose it, and expiring by itself if
/// the instance dies.
/// </summary>
public sealed class RedisConversationLock(IConnectionMultiplexer redis, RedisKeys keys, ConversationLockOptions options, TimeProvider time)
    : IConversationLock
{
    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private const string RenewScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(200);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var redisKey = keys.For("lock", key);
        var token = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + options.WaitTimeout;
        var backoff = FirstBackoff;

        while (!await db.StringSetAsync(redisKey, token, options.Expiry, When.NotExists))
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new ConversationLockTimeoutException("The previous turn of this conversation is still running.");
            }

            // Jitter keeps two waiting instances from retrying in lock-step.
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)backoff.TotalMilliseconds + 1));
            await Task.Delay(backoff + jitter, time, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        return new Handle(db, redisKey, token, options.Expiry, time);
    }

    /// <summary>
    /// Renews the lock every third of its expiry until released. Stopping disposes the timer, which ends the wait
    /// with <c>false</c>: cancelling it instead would throw (and capture a stack trace) once per turn.
    /// </summary>
    private sealed class Handle : IAsyncDisposable
    {
        private readonly IDatabase _db;
        private readonly RedisKey _key;
        private readonly string _token;
        private readonly PeriodicTimer _timer;
        private readonly Task _renewal;
        private int _released;

        public Handle(IDatabase db, RedisKey key, string token, TimeSpan expiry, TimeProvider time)
        {
            _db = db;
            _key = key;
            _token = token;
            _timer = new PeriodicTimer(expiry / 3, time);
            _renewal = RenewAsync(expiry);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            _timer.Dispose();
            await _renewal;
            await _db.ScriptEvaluateAsync(ReleaseScript, [_key], [_token]);
        }

        private async Task RenewAsync(TimeSpan expiry)
        {
            try
            {
                while (await _timer.WaitForNextTickAsync())
                {
                    await _db.ScriptEvaluateAsync(RenewScript, [_key], [_token, (long)expiry.TotalMilliseconds]);
                }
            }
            catch (RedisException)
            {
                // Renewal is best effort: the lock still expires on its own and the next turn waits at most that long.
            }
        }
    }
}
