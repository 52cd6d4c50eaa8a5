using System.Security.Cryptography;
using System.Text;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>A real AES-GCM protector (random nonce, 128-bit tag) with a key made for the test run.</summary>
public sealed class AesGcmTestProtector : IPersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Protect(string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + clear.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedText)
    {
        var input = Convert.FromBase64String(protectedText);
        var clear = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), clear);
        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>As in production, under a key of its own derived from the encryption key.</summary>
    public string LookupKey(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: "lookup"u8.ToArray()), Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
