using System.Security.Cryptography;
using System.Text;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Zalo's webhook MAC: <c>X-ZEvent-Signature: mac=</c> lowercase hex of SHA-256(app_id ‖ raw body ‖ timestamp ‖ OA
/// secret key) — a plain hash of the concatenation, not an HMAC, over the bytes exactly as received.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";
    private const string Prefix = "mac=";

    public static byte[] Compute(string appId, ReadOnlySpan<byte> body, string timestamp, string oaSecretKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(body);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return hash.GetHashAndReset();
    }

    /// <summary>The header value Zalo would send for this body.</summary>
    public static string HeaderValue(string appId, ReadOnlySpan<byte> body, string timestamp, string oaSecretKey) =>
        Prefix + Convert.ToHexStringLower(Compute(appId, body, timestamp, oaSecretKey));

    /// <summary>Constant-time check of <paramref name="header"/> against the expected MAC; hex case is ignored.</summary>
    public static bool IsValid(string? header, string appId, ReadOnlySpan<byte> body, string? timestamp, string oaSecretKey)
    {
        if (string.IsNullOrEmpty(header) || timestamp is null)
        {
            return false;
        }

        var value = header.Trim();
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, Compute(appId, body, timestamp, oaSecretKey));
    }
}
