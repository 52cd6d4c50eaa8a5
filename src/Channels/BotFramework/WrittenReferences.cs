using System.Collections.Concurrent;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Which conversation reference was last stored for each citizen, so an unchanged one is not written again on every
/// message. Holds fingerprints (<see cref="Fingerprint"/>) of the key and the JSON rather than the strings (under 100
/// bytes a citizen instead of 700: ten thousand citizens cost about a megabyte, not seven), forgets everything past
/// <see cref="Capacity"/> citizens, and counts a write older than the refresh interval as not written, so a
/// reference is stored again before the state store's time to live lets it expire.
/// </summary>
internal sealed class WrittenReferences(TimeProvider time, TimeSpan refreshAfter)
{
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<UInt128, Written> _written = new();
    private int _count;

    public bool IsCurrent(string key, ReadOnlySpan<byte> json) =>
        _written.TryGetValue(Fingerprint.Of(key), out var last)
        && last.Json == Fingerprint.Of(json)
        && time.GetUtcNow().UtcTicks - last.AtTicks < refreshAfter.Ticks;

    public void Record(string key, ReadOnlySpan<byte> json)
    {
        var written = new Written(Fingerprint.Of(json), time.GetUtcNow().UtcTicks);
        var slot = Fingerprint.Of(key);
        if (!_written.TryAdd(slot, written))
        {
            _written[slot] = written;
        }
        else if (Interlocked.Increment(ref _count) > Capacity)
        {
            _written.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }

    private readonly record struct Written(UInt128 Json, long AtTicks);
}
