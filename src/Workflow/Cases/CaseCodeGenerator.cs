using System.Security.Cryptography;
using System.Text;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Tracking codes a citizen can read out on the phone: <c>TH-XXXX-XXXX</c> in Crockford base 32 (no I, L, O, U),
/// 40 random bits. Typed codes are accepted in any case, with or without dashes, O read as 0 and I/L as 1.
/// </summary>
public static class CaseCodeGenerator
{
    public const string Prefix = "TH";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 8;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(chars);
    }

    /// <summary>The canonical form of a typed code; text that cannot be a code comes back trimmed and upper-cased.</summary>
    public static string Normalize(string? typed)
    {
        var text = (typed ?? string.Empty).Trim().ToUpperInvariant();
        var body = new StringBuilder(Length);
        var rest = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
        foreach (var c in rest)
        {
            if (c is '-' or ' ' or '.' or '_')
            {
                continue;
            }

            var mapped = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return text;
            }

            body.Append(mapped);
        }

        return body.Length == Length ? Format(body.ToString()) : text;
    }

    public static bool IsWellFormed(string? typed) => Normalize(typed) is { Length: 12 } code && code.StartsWith(Prefix + "-", StringComparison.Ordinal);

    private static string Format(ReadOnlySpan<char> body) => $"{Prefix}-{body[..4]}-{body[4..]}";
}
