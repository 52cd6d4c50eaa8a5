using System.Collections.Concurrent;

namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary>Bounded, expiring memory of ids: the oldest are forgotten first when over capacity.</summary>
public sealed class InProcessDuplicateGuard(DuplicateGuardOptions options, TimeProvider time) : IDuplicateGuard
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, DateTimeOffset Expires)> _order = new();

    internal int Count => _seen.Count;

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Trim(now);
        var expires = now + options.Ttl;
        while (true)
        {
            if (_seen.TryAdd(key, expires))
            {
                _order.Enqueue((key, expires));
                return ValueTask.FromResult(true);
            }

            if (_seen.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return ValueTask.FromResult(false);
                }

                if (_seen.TryUpdate(key, expires, existing))
                {
                    _order.Enqueue((key, expires));
                    return ValueTask.FromResult(true);
                }
            }
        }
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _seen.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Trim(DateTimeOffset now)
    {
        while (_order.TryPeek(out var head) && (head.Expires <= now || _seen.Count > options.Capacity))
        {
            if (!_order.TryDequeue(out head))
            {
                break;
            }

            // Only remove the entry this queue item describes; a re-claim enqueued a newer one.
            _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(head.Key, head.Expires));
        }
    }
}
