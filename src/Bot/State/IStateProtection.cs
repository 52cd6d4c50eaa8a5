namespace PhanHoi.Bot.State;

/// <summary>
/// Encrypts the secret parts of a state value just before it is stored and decrypts them just after it is read, so
/// the store (Redis, or process memory) never holds them in clear. <paramref name="known"/> holds what this turn has
/// already sealed or opened, so nothing is encrypted or decrypted twice.
/// </summary>
public interface IStateProtection<in T>
{
    void Protect(T value, KnownSecrets known);

    void Unprotect(T value, KnownSecrets known);
}
