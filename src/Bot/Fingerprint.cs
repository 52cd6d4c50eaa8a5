using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PhanHoi.Bot;

/// <summary>
/// 128 bits of SHA-256: stands in for a key or a value in a long-lived in-process set (ids seen, references written)
/// at 16 bytes instead of the string; collisions are out of reach at these sizes.
/// </summary>
public static class Fingerprint
{
    public static UInt128 Of(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        return Of(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
    }

    public static UInt128 Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
