using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Output: <c>v1:</c> + base64(nonce | ciphertext | tag); the version
/// prefix leaves room for key rotation. Failures never carry the text in their message. An <see cref="AesGcm"/> holds
/// one cipher context and is not safe for concurrent use (two requests encrypting at once fail with
/// "Error occurred during a cryptographic operation"), so each thread gets its own.
/// </summary>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector, IDisposable
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly ThreadLocal<AesGcm> ciphers;

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

    public void Dispose()
    {
        foreach (var cipher in ciphers.Values)
        {
            cipher.Dispose();
        }

        ciphers.Dispose();
    }
}
