namespace PhanHoi.Bot.Workflow.Citizens;

/// <summary>What citizens type around identifiers in a chat: spaces (also non-breaking), hyphens and dashes.</summary>
internal static class IdentifierText
{
    /// <summary>Hyphen-minus and the hyphens/dashes phone keyboards substitute for it.</summary>
    public static IReadOnlyList<char> Dashes { get; } = ['-', '‐', '‑', '–', '—'];

    public static bool IsSeparator(char c) => char.IsWhiteSpace(c) || Dashes.Contains(c);

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The digits of <paramref name="input"/>, or false when it holds anything but digits and separators.</summary>
    public static bool TryDigits(string input, out string digits)
    {
        var buffer = new System.Text.StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (IsAsciiDigit(c))
            {
                buffer.Append(c);
            }
            else if (!IsSeparator(c))
            {
                digits = string.Empty;
                return false;
            }
        }

        digits = buffer.ToString();
        return true;
    }

    /// <summary>Shows the first and last characters only: identifiers are personal data (DOMAIN §3.2).</summary>
    public static string Mask(string value, int keepStart, int keepEnd) =>
        value.Length <= keepStart + keepEnd
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
}
