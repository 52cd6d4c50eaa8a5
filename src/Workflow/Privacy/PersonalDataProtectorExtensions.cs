using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PhanHoi.Bot.Workflow.Privacy;

public static class PersonalDataProtectorExtensions
{
    /// <summary>
    /// <see cref="IPersonalDataProtector.Unprotect"/> for a store reading back what it wrote: false (rather than an
    /// exception) when <paramref name="protectedText"/> is missing, altered or protected under another key.
    /// </summary>
    public static bool TryUnprotect(this IPersonalDataProtector protector, string? protectedText, [NotNullWhen(true)] out string? clear)
    {
        clear = null;
        if (protectedText is null)
        {
            return false;
        }

        try
        {
            clear = protector.Unprotect(protectedText);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
