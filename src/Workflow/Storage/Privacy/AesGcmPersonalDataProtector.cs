using System.Buffers;
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
        var clearLength = Encoding.UTF8.GetByteCount(plaintext);
        var sealedLength = NonceSize + clearLength + TagSize;
        var buffer = ArrayPool<byte>.Shared.Rent(clearLength + sealedLength);
        try
        {
            var clear = buffer.AsSpan(0, clearLength);
            Encoding.UTF8.GetBytes(plaintext, clear);
            var sealedBytes = buffer.AsSpan(clearLength, sealedLength);
            var nonce = sealedBytes[..NonceSize];
            RandomNumberGenerator.Fill(nonce);
            ciphers.Value!.Encrypt(nonce, clear, sealedBytes.Slice(NonceSize, clearLength), sealedBytes[(NonceSize + clearLength)..]);
            return string.Create(Prefix.Length + ((sealedLength + 2) / 3 * 4), (buffer, clearLength, sealedLength), static (text, state) =>
            {
                Prefix.CopyTo(text);
                Convert.TryToBase64Chars(state.buffer.AsSpan(state.clearLength, state.sealedLength), text[Prefix.Length..], out _);
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, clearLength));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public string Unprotect(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Protected personal data has an unknown format version.");
        }

        var encoded = protectedText.AsSpan(Prefix.Length);
        var decodedMax = encoded.Length / 4 * 3;
        var buffer = ArrayPool<byte>.Shared.Rent(decodedMax * 2); // the sealed bytes, then the clear ones
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, buffer.AsSpan(0, decodedMax), out var sealedLength))
            {
                throw new CryptographicException("Protected personal data is not valid base64.");
            }

            if (sealedLength < NonceSize + TagSize)
            {
                throw new CryptographicException("Protected personal data is truncated.");
            }

            var length = sealedLength - NonceSize - TagSize;
            var sealedBytes = buffer.AsSpan(0, sealedLength);
            var clear = buffer.AsSpan(decodedMax, length);
            try
            {
                ciphers.Value!.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], clear);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new CryptographicException("Protected personal data was altered or encrypted with another key.");
            }

            return Encoding.UTF8.GetString(clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, decodedMax * 2));
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
