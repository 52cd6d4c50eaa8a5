namespace PhanHoi.Bot.State;

/// <summary>
/// Encrypts the secret parts of a state value just before it is stored and decrypts them just after it is read, so
/// the store (Redis, or process memory) never holds them in clear. <paramref name="known"/> maps each clear value
/// read in this turn to the ciphertext it was read from, so unchanged state serialises to the same bytes and is not
/// written again.
/// </summary>
public interface IStateProtection<in T>
{
    void Protect(T value, IDictionary<string, string> known);

    void Unprotect(T value, IDictionary<string, string> known);
}
