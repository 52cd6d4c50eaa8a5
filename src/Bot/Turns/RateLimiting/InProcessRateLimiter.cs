using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace PhanHoi.Bot.Turns.RateLimiting;

/// <summary>A sliding window per citizen from System.Threading.RateLimiting, for a single instance.</summary>
public sealed class InProcessRateLimiter : IRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _toldUntil = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;

    public InProcessRateLimiter(RateLimitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(
            key,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                SegmentsPerWindow = 4,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public ValueTask<RateLimitOutcome> AcquireAsync(string citizenKey, CancellationToken cancellationToken)
    {
        using var lease = _limiter.AttemptAcquire(citizenKey);
        var now = _time.GetUtcNow();
        if (lease.IsAcquired)
        {
            _toldUntil.TryRemove(citizenKey, out _);
            return ValueTask.FromResult(RateLimitOutcome.Allowed);
        }

        while (true)
        {
            if (_toldUntil.TryGetValue(citizenKey, out var until))
            {
                if (until > now)
                {
                    return ValueTask.FromResult(RateLimitOutcome.Limited);
                }

                if (_toldUntil.TryUpdate(citizenKey, now + _options.Window, until))
                {
                    return ValueTask.FromResult(RateLimitOutcome.LimitedFirstTime);
                }
            }
            else if (_toldUntil.TryAdd(citizenKey, now + _options.Window))
            {
                return ValueTask.FromResult(RateLimitOutcome.LimitedFirstTime);
            }
        }
    }

    public void Dispose() => _limiter.Dispose();
}
