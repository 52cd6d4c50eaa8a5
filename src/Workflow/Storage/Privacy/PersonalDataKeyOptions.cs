namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>The key that encrypts personal data at rest (<c>Security:PiiKey</c>, base64 of 32 bytes).</summary>
public sealed class PersonalDataKeyOptions
{
    public const string ConfigurationKey = "Security:PiiKey";
    public const int KeySize = 32;

    public byte[] Key { get; set; } = [];
}
