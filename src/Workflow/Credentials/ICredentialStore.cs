namespace PhanHoi.Bot.Workflow.Credentials;

/// <summary>A platform credential (e.g. Zalo's rotating refresh token), encrypted at rest.</summary>
public sealed record StoredCredential(string Name, string Value, DateTimeOffset? ExpiresAt, int Version, DateTimeOffset UpdatedAt);

/// <summary>
/// Durable, encrypted credentials shared by every instance. <see cref="ReplaceAsync"/> is compare-and-set on
/// <see cref="StoredCredential.Version"/>, so only one instance's token refresh wins.
/// </summary>
public interface ICredentialStore
{
    Task<StoredCredential?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="value"/> if the stored version is still <paramref name="expectedVersion"/> (0: none stored
    /// yet); false when another instance replaced it first.
    /// </summary>
    Task<bool> ReplaceAsync(string name, string value, DateTimeOffset? expiresAt, int expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);
}
