using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Which conversation reference was last stored for each citizen, so an unchanged one is not written again on every
/// message. Holds 64-bit fingerprints of the key and the JSON rather than the strings (about 60 bytes a citizen
/// instead of 700: ten thousand citizens cost half a megabyte, not seven), forgets everything past
/// <see cref="Capacity"/> citizens, and counts a write older than the refresh interval as not written, so a
/// reference is stored again before the state store's time to live lets it expire.
/// </summary>
internal sealed class WrittenReferences(TimeProvider time, TimeSpan refreshAfter)
{
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<ulong, Written> _written = new();
    private int _count;

    public bool IsCurrent(string key, ReadOnlySpan<byte> json) =>
        _written.TryGetValue(Fingerprint(key), out var last)
        && last.Json == Fingerprint(json)
        && time.GetUtcNow().UtcTicks - last.AtTicks < refreshAfter.Ticks;

    public void Record(string key, ReadOnlySpan<byte> json)
    {
        var written = new Written(Fingerprint(json), time.GetUtcNow().UtcTicks);
        var slot = Fingerprint(key);
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

    private static ulong Fingerprint(string text) => Fingerprint(Encoding.UTF8.GetBytes(text));

    private static ulong Fingerprint(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private readonly record struct Written(ulong Json, long AtTicks);
}
