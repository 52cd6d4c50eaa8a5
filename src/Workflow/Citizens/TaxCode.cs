namespace PhanHoi.Bot.Workflow.Citizens;

public enum TaxCodeKind
{
    /// <summary>10 digits with a check digit: enterprises, organisations, and individuals registered before 07/2025.</summary>
    TenDigit,

    /// <summary><c>NNNNNNNNNN-NNN</c>: a branch or other dependent unit declaring tax itself.</summary>
    DependentUnit,

    /// <summary>The 12-digit personal identification number, which individuals use since 01/07/2025 (Circular 86/2024).</summary>
    PersonalId,
}

/// <summary>Why a tax code was refused; the bot turns it into a re-prompt.</summary>
public enum TaxCodeError
{
    None,
    Empty,

    /// <summary>Something other than digits, spaces or hyphens.</summary>
    InvalidCharacters,

    /// <summary>Neither 10, 12 nor 13 digits.</summary>
    WrongLength,

    /// <summary>The 10th digit is not the mod-11 check digit of the first nine (or no digit can be: sum mod 11 = 0).</summary>
    CheckDigitMismatch,

    /// <summary>The dependent-unit suffix is 000 (they run 001–999).</summary>
    InvalidDependentUnitSuffix,

    /// <summary>12 digits that are not a valid personal identification number; see <see cref="TaxCodeResult.PersonalIdError"/>.</summary>
    InvalidPersonalId,
}

public readonly record struct TaxCodeResult(TaxCode? Value, TaxCodeError Error, PersonalIdError PersonalIdError = PersonalIdError.None)
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// A tax code (mã số thuế) as SPEC §2 accepts it, DOMAIN §3.1: 10 digits with a check digit, the 13-digit
/// <c>##########-###</c> form of dependent units, or a 12-digit personal identification number. Personal data:
/// <see cref="ToString"/> is masked.
/// </summary>
public sealed record TaxCode
{
    private static readonly int[] CheckWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    private TaxCode(TaxCodeKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public TaxCodeKind Kind { get; }

    /// <summary>Normalised: <c>0100109106</c>, <c>0100109106-001</c> or the 12 digits of a personal ID.</summary>
    public string Value { get; }

    public string Masked => IdentifierText.Mask(Value, 2, 2);

    /// <param name="input">What the citizen typed; spaces and hyphens anywhere are ignored.</param>
    /// <param name="today">The local date, for the personal ID's birth-year check.</param>
    public static TaxCodeResult Validate(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Fail(TaxCodeError.Empty);
        }

        if (!IdentifierText.TryDigits(input, out var digits))
        {
            return Fail(TaxCodeError.InvalidCharacters);
        }

        // A hyphen is only meaningful between the 10 digits and a dependent unit's 3: "0100109106-01" must not pass as
        // a 12-digit personal ID.
        var dashParts = input.Split([.. IdentifierText.Dashes]);
        var misplacedDash = dashParts.Length == 2 && (CountDigits(dashParts[0]) != 10 || CountDigits(dashParts[1]) != 3);
        if (dashParts.Length > 2 || misplacedDash)
        {
            return Fail(TaxCodeError.WrongLength);
        }

        switch (digits.Length)
        {
            case 10:
                return HasValidCheckDigit(digits)
                    ? new TaxCodeResult(new TaxCode(TaxCodeKind.TenDigit, digits), TaxCodeError.None)
                    : Fail(TaxCodeError.CheckDigitMismatch);
            case 13:
                if (!HasValidCheckDigit(digits[..10]))
                {
                    return Fail(TaxCodeError.CheckDigitMismatch);
                }

                return digits[10..] == "000"
                    ? Fail(TaxCodeError.InvalidDependentUnitSuffix)
                    : new TaxCodeResult(new TaxCode(TaxCodeKind.DependentUnit, $"{digits[..10]}-{digits[10..]}"), TaxCodeError.None);
            case 12:
                var personalId = PersonalId.FromDigits(digits, today);
                return personalId.IsValid
                    ? new TaxCodeResult(new TaxCode(TaxCodeKind.PersonalId, digits), TaxCodeError.None)
                    : new TaxCodeResult(null, TaxCodeError.InvalidPersonalId, personalId.Error);
            default:
                return Fail(TaxCodeError.WrongLength);
        }
    }

    public override string ToString() => Masked;

    /// <summary>
    /// N10 = 10 − (Σ wᵢ·Nᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 (QĐ 75/1998/QĐ-TCT). A remainder of 0
    /// would need a check "digit" of 10, so no code with that prefix is valid. The often-seen (11 − r) mod 11 is wrong.
    /// </summary>
    internal static bool HasValidCheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < CheckWeights.Length; i++)
        {
            sum += CheckWeights[i] * (tenDigits[i] - '0');
        }

        var check = 10 - (sum % 11);
        return check < 10 && tenDigits[9] - '0' == check;
    }

    private static int CountDigits(string part) => part.Count(IdentifierText.IsAsciiDigit);

    private static TaxCodeResult Fail(TaxCodeError error) => new(null, error);
}
