using System.Collections.Concurrent;

namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary>
/// Bounded, expiring memory of ids: the oldest are forgotten first when over capacity. Ids are kept as 128-bit
/// fingerprints (<see cref="Bot.Fingerprint"/>) with their expiry in ticks, about 40 bytes an id instead of the id's string —
/// the embedded default holds a day of every citizen's message ids.
/// </summary>
public sealed class InProcessDuplicateGuard(DuplicateGuardOptions options, TimeProvider time) : IDuplicateGuard
{
    private readonly ConcurrentDictionary<UInt128, long> _seen = new();
    private readonly ConcurrentQueue<(UInt128 Key, long Expires)> _order = new();

    internal int Count => _seen.Count;

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        Trim(now);
        var id = PhanHoi.Bot.Fingerprint.Of(key);
        var expires = now + options.Ttl.Ticks;
        while (true)
        {
            if (_seen.TryAdd(id, expires))
            {
                _order.Enqueue((id, expires));
                return ValueTask.FromResult(true);
            }

            if (_seen.TryGetValue(id, out var existing))
            {
                if (existing > now)
                {
                    return ValueTask.FromResult(false);
                }

                if (_seen.TryUpdate(id, expires, existing))
                {
                    _order.Enqueue((id, expires));
                    return ValueTask.FromResult(true);
                }
            }
        }
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _seen.TryRemove(PhanHoi.Bot.Fingerprint.Of(key), out _);
        return ValueTask.CompletedTask;
    }

    private void Trim(long now)
    {
        while (_order.TryPeek(out var head) && (head.Expires <= now || _seen.Count > options.Capacity))
        {
            if (!_order.TryDequeue(out head))
            {
                break;
            }

            // Only remove the entry this queue item describes; a re-claim enqueued a newer one.
            _seen.TryRemove(new KeyValuePair<UInt128, long>(head.Key, head.Expires));
        }
    }
}
