namespace PhanHoi.Bot.State;

/// <summary>
/// The secrets of one loaded state, both ways: each clear value and the ciphertext it was read from or sealed to. A
/// value sealed again gets the same ciphertext (unchanged state then serialises to the same bytes and is not written),
/// and a ciphertext is opened again without decrypting it.
/// </summary>
public sealed class KnownSecrets
{
    private readonly Dictionary<string, string> sealedByClear = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> clearBySealed = new(StringComparer.Ordinal);
    private string? leftSealed;

    public void Remember(string clear, string sealedText)
    {
        sealedByClear[clear] = sealedText;
        clearBySealed[sealedText] = clear;
    }

    /// <summary>The ciphertext read and left sealed (the last turn's replies): stored again as it is.</summary>
    public void KeepSealed(string sealedText) => leftSealed = sealedText;

    /// <summary>Whether <paramref name="text"/> is a ciphertext of this state, not a clear value that only looks like one.</summary>
    public bool IsSealed(string text) => clearBySealed.ContainsKey(text) || string.Equals(text, leftSealed, StringComparison.Ordinal);

    public bool TryGetSealed(string clear, out string sealedText) => sealedByClear.TryGetValue(clear, out sealedText!);

    public bool TryGetClear(string sealedText, out string clear) => clearBySealed.TryGetValue(sealedText, out clear!);
}
