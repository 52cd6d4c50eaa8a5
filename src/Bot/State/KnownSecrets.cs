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

    public void Remember(string clear, string sealedText)
    {
        sealedByClear[clear] = sealedText;
        clearBySealed[sealedText] = clear;
    }

    public bool TryGetSealed(string clear, out string sealedText) => sealedByClear.TryGetValue(clear, out sealedText!);

    public bool TryGetClear(string sealedText, out string clear) => clearBySealed.TryGetValue(sealedText, out clear!);
}
