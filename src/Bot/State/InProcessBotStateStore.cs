using System.Collections.Concurrent;

namespace PhanHoi.Bot.State;

/// <summary>
/// State for a single instance. Values stay serialised (compact bytes, not object graphs) so ten thousand
/// conversations in the middle of a dialog cost a few megabytes.
/// </summary>
public sealed class InProcessBotStateStore(TimeProvider time) : IBotStateStore
{
    private const int SweepEveryWrites = 1024;

    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Lock _writes = new();
    private long _version;
    private int _writesSinceSweep;

    internal int Count => _items.Count;

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var item = Live(key);
        return Task.FromResult(item is null ? null : new StateEntry(item.Value, item.ETag));
    }

    public Task<string> SetAsync(string key, byte[] value, string expectedETag, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            Check(key, expectedETag);
            var etag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _items[key] = new Item(value, etag, ttl is { } t ? time.GetUtcNow() + t : null);
            if (++_writesSinceSweep >= SweepEveryWrites)
            {
                _writesSinceSweep = 0;
                Sweep();
            }

            return Task.FromResult(etag);
        }
    }

    public Task<bool> DeleteAsync(string key, string expectedETag, CancellationToken cancellationToken)
    {
        lock (_writes)
        {
            if (Live(key) is null)
            {
                if (expectedETag is StateETags.Any or StateETags.Absent)
                {
                    return Task.FromResult(false);
                }

                throw new StateConflictException("The state was removed since it was read.");
            }

            Check(key, expectedETag);
            return Task.FromResult(_items.TryRemove(key, out _));
        }
    }

    private void Check(string key, string expectedETag)
    {
        if (expectedETag == StateETags.Any)
        {
            return;
        }

        var current = Live(key);
        var matches = expectedETag == StateETags.Absent ? current is null : current?.ETag == expectedETag;
        if (!matches)
        {
            throw new StateConflictException("The state changed since it was read.");
        }
    }

    private Item? Live(string key)
    {
        if (!_items.TryGetValue(key, out var item))
        {
            return null;
        }

        if (item.Expires is { } expires && expires <= time.GetUtcNow())
        {
            _items.TryRemove(new KeyValuePair<string, Item>(key, item));
            return null;
        }

        return item;
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, item) in _items)
        {
            if (item.Expires <= now)
            {
                _items.TryRemove(new KeyValuePair<string, Item>(key, item));
            }
        }
    }

    private sealed record Item(byte[] Value, string ETag, DateTimeOffset? Expires);
}
