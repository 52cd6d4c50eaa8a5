using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PhanHoi.Bot.Workflow.Citizens;

public enum PhoneNumberKind
{
    Mobile,
    FixedLine,
}

/// <summary>Why a phone number was refused; the bot turns it into a re-prompt.</summary>
public enum PhoneNumberError
{
    None,
    Empty,

    /// <summary>Letters or symbols other than + ( ) . - and spaces.</summary>
    InvalidCharacters,

    /// <summary>Not a number in use in Vietnam's numbering plan.</summary>
    InvalidNumber,

    /// <summary>An 11-digit 01xx mobile number, converted to 10 digits in 2018; see <see cref="PhoneNumberResult.Suggestion"/>.</summary>
    ObsoleteMobileNumber,

    /// <summary>A valid number of another country.</summary>
    NotVietnamese,

    /// <summary>A toll-free, premium-rate or other service number nobody can be called back on.</summary>
    NotPersonalNumber,
}

/// <param name="Suggestion">For <see cref="PhoneNumberError.ObsoleteMobileNumber"/>, the converted number to offer the citizen.</param>
public readonly record struct PhoneNumberResult(PhoneNumber? Value, PhoneNumberError Error, PhoneNumber? Suggestion = null)
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// A Vietnamese mobile or landline number a citizen can be called back on, normalised to E.164 (DOMAIN §3.3).
/// Validation is libphonenumber's, which follows operator allocations. Personal data: <see cref="ToString"/> is masked.
/// </summary>
public sealed partial record PhoneNumber
{
    private const string Region = "VN";

    // The 2018 conversion of 11-digit mobiles: old 4-digit prefix → new 3-digit prefix, last 7 digits kept (DOMAIN §3.3).
    private static readonly Dictionary<string, string> ConvertedMobilePrefixes = new(StringComparer.Ordinal)
    {
        ["0162"] = "032", ["0163"] = "033", ["0164"] = "034", ["0165"] = "035",
        ["0166"] = "036", ["0167"] = "037", ["0168"] = "038", ["0169"] = "039",
        ["0120"] = "070", ["0121"] = "079", ["0122"] = "077", ["0126"] = "076", ["0128"] = "078",
        ["0123"] = "083", ["0124"] = "084", ["0125"] = "085", ["0127"] = "081", ["0129"] = "082",
        ["0186"] = "056", ["0188"] = "058", ["0199"] = "059",
    };

    private PhoneNumber(string e164, PhoneNumberKind kind)
    {
        E164 = e164;
        Kind = kind;
    }

    /// <summary>E.g. <c>+84912345678</c>.</summary>
    public string E164 { get; }

    public PhoneNumberKind Kind { get; }

    /// <summary>The national form with a leading 0, e.g. <c>0912345678</c>.</summary>
    public string National => "0" + E164[3..];

    public string Masked => IdentifierText.Mask(E164, 5, 2);

    /// <summary>Accepts <c>0912 345 678</c>, <c>+84912345678</c>, <c>84912345678</c>, with dots, dashes or brackets.</summary>
    public static PhoneNumberResult Validate(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Fail(PhoneNumberError.Empty);
        }

        if (!AllowedCharacters().IsMatch(input))
        {
            return Fail(PhoneNumberError.InvalidCharacters);
        }

        var parsed = Parse(input);
        if (parsed is not null)
        {
            return parsed.Value;
        }

        var suggestion = ConvertObsoleteMobile(input);
        return suggestion is null
            ? Fail(PhoneNumberError.InvalidNumber)
            : new PhoneNumberResult(null, PhoneNumberError.ObsoleteMobileNumber, suggestion);
    }

    public override string ToString() => Masked;

    private static PhoneNumberResult? Parse(string input)
    {
        var util = PhoneNumberUtil.GetInstance();
        PhoneNumbers.PhoneNumber number;
        try
        {
            number = util.Parse(input, Region);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!util.IsValidNumber(number))
        {
            return null;
        }

        if (util.GetRegionCodeForNumber(number) != Region)
        {
            return Fail(PhoneNumberError.NotVietnamese);
        }

        PhoneNumberKind? kind = util.GetNumberType(number) switch
        {
            PhoneNumberType.MOBILE => PhoneNumberKind.Mobile,
            PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneNumberKind.FixedLine,
            _ => null,
        };
        return kind is null
            ? Fail(PhoneNumberError.NotPersonalNumber)
            : new PhoneNumberResult(new PhoneNumber(util.Format(number, PhoneNumberFormat.E164), kind.Value), PhoneNumberError.None);
    }

    private static PhoneNumber? ConvertObsoleteMobile(string input)
    {
        var match = ObsoleteMobile().Match(Digits(input));
        if (!match.Success || !ConvertedMobilePrefixes.TryGetValue("01" + match.Groups["prefix"].Value, out var prefix))
        {
            return null;
        }

        var converted = Parse(prefix + match.Groups["subscriber"].Value);
        return converted?.Value is { Kind: PhoneNumberKind.Mobile } number ? number : null;
    }

    private static string Digits(string input) => string.Concat(input.Where(char.IsAsciiDigit));

    private static PhoneNumberResult Fail(PhoneNumberError error) => new(null, error);

    [GeneratedRegex(@"^[\s+().\-0-9]+$")]
    private static partial Regex AllowedCharacters();

    // 01xx + 7 digits, written nationally (0), internationally (84) or with a stray trunk zero (840).
    [GeneratedRegex(@"^(?:0|840|84)1(?<prefix>\d{2})(?<subscriber>\d{7})$")]
    private static partial Regex ObsoleteMobile();
}
