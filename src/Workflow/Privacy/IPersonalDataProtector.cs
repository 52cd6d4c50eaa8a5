namespace PhanHoi.Bot.Workflow.Privacy;

/// <summary>Encrypts personal data at rest (AES-GCM, key from <c>Security:PiiKey</c>).</summary>
public interface IPersonalDataProtector
{
    string Protect(string plaintext);

    /// <summary>The clear text; <see cref="System.Security.Cryptography.CryptographicException"/> when it was altered or
    /// protected under another key.</summary>
    string Unprotect(string protectedText);

    /// <summary>
    /// A keyed digest of <paramref name="value"/> that finds records holding it without storing it in clear (a blind
    /// index): the same value always gives the same key, and without the key nobody can test a guess against it.
    /// </summary>
    string LookupKey(string value);
}
