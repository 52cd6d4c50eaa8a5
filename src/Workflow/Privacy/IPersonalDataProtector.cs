namespace PhanHoi.Bot.Workflow.Privacy;

/// <summary>Encrypts personal data at rest (AES-GCM, key from <c>Security:PiiKey</c>).</summary>
public interface IPersonalDataProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
