using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Output: <c>v1:</c> + base64(nonce | ciphertext | tag); the version
/// prefix leaves room for key rotation. Failures never carry the text in their message. An <see cref="AesGcm"/> holds
/// one cipher context and is not safe for concurrent use (two requests encrypting at once fail with
/// "Error occurred during a cryptographic operation"), so each thread gets its own. Lookup keys are HMAC-SHA256 under a
/// key derived from the same one (HKDF), cut to 128 bits, in lower-case hex.
/// </summary>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector, IDisposable
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private const int LookupKeyBytes = 16;

    private static readonly byte[] LookupKeyLabel = Encoding.ASCII.GetBytes("phanhoi/personal-data/lookup/v1");

    private readonly ThreadLocal<AesGcm> ciphers;
    private readonly byte[] lookupKey;

    public AesGcmPersonalDataProtector(IOptions<PersonalDataKeyOptions> options)
        : this(options.Value.Key)
    {
    }

    public AesGcmPersonalDataProtector(byte[] key)
    {
        if (key is not { Length: PersonalDataKeyOptions.KeySize })
        {
            throw new ArgumentException($"The personal data key must be {PersonalDataKeyOptions.KeySize} bytes.", nameof(key));
        }

        var copy = (byte[])key.Clone();
        lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, copy, PersonalDataKeyOptions.KeySize, info: LookupKeyLabel);
        ciphers = new ThreadLocal<AesGcm>(() => new AesGcm(copy, TagSize), trackAllValues: true);
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        ciphers.Value!.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length, TagSize));
        CryptographicOperations.ZeroMemory(clear);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Protected personal data has an unknown format version.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(protectedText[Prefix.Length..]);
        }
        catch (FormatException)
        {
            throw new CryptographicException("Protected personal data is not valid base64.");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Protected personal data is truncated.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var clear = new byte[length];
        try
        {
            ciphers.Value!.Decrypt(
                sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), clear);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException("Protected personal data was altered or encrypted with another key.");
        }

        return Encoding.UTF8.GetString(clear);
    }

    public string LookupKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digest = HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(digest.AsSpan(0, LookupKeyBytes));
    }

    public void Dispose()
    {
        foreach (var cipher in ciphers.Values)
        {
            cipher.Dispose();
        }

        ciphers.Dispose();
    }
}
