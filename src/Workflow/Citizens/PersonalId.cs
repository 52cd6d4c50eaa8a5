namespace PhanHoi.Bot.Workflow.Citizens;

public enum Sex
{
    Male,
    Female,
}

/// <summary>Why a personal identification number was refused; the bot turns it into a re-prompt.</summary>
public enum PersonalIdError
{
    None,
    Empty,

    /// <summary>Something other than digits, spaces or hyphens.</summary>
    InvalidCharacters,

    /// <summary>Not 12 digits (an old 9-digit CMND included).</summary>
    WrongLength,

    /// <summary>The first three digits are not a birth-registration province code.</summary>
    UnknownProvinceCode,

    /// <summary>The gender/century digit and the year digits give a birth year after today.</summary>
    BirthYearInFuture,
}

public readonly record struct PersonalIdResult(PersonalId? Value, PersonalIdError Error)
{
    public bool IsValid => Value is not null;
}

/// <summary>
/// A 12-digit personal identification number (số định danh cá nhân, on the CCCD card), DOMAIN §3.2: province code
/// of birth registration (3), gender and century (1), birth year (2), random (6). There is no checksum, so only the
/// structure can be checked. Personal data: <see cref="ToString"/> is masked.
/// </summary>
public sealed record PersonalId
{
    private PersonalId(string value, Sex sex, int birthYear)
    {
        Value = value;
        Sex = sex;
        BirthYear = birthYear;
    }

    /// <summary>The 12 digits.</summary>
    public string Value { get; }

    public string ProvinceCode => Value[..3];

    public Sex Sex { get; }

    public int BirthYear { get; }

    /// <summary>E.g. <c>038*******12</c>, for display to people who may not see the number.</summary>
    public string Masked => IdentifierText.Mask(Value, 3, 2);

    /// <param name="input">What the citizen typed; spaces and hyphens are ignored.</param>
    /// <param name="today">The local date, to refuse birth years in the future.</param>
    public static PersonalIdResult Validate(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Fail(PersonalIdError.Empty);
        }

        if (!IdentifierText.TryDigits(input, out var digits))
        {
            return Fail(PersonalIdError.InvalidCharacters);
        }

        return FromDigits(digits, today);
    }

    public override string ToString() => Masked;

    internal static PersonalIdResult FromDigits(string digits, DateOnly today)
    {
        if (digits.Length != 12)
        {
            return Fail(PersonalIdError.WrongLength);
        }

        if (!BirthRegistrationProvinces.Codes.Contains(digits[..3]))
        {
            return Fail(PersonalIdError.UnknownProvinceCode);
        }

        // Digit 4: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, … up to 8/9 = 2300–2399.
        var genderCentury = digits[3] - '0';
        var birthYear = 1900 + (genderCentury / 2 * 100) + int.Parse(digits.AsSpan(4, 2), provider: null);
        if (birthYear > today.Year)
        {
            return Fail(PersonalIdError.BirthYearInFuture);
        }

        var sex = genderCentury % 2 == 0 ? Sex.Male : Sex.Female;
        return new PersonalIdResult(new PersonalId(digits, sex, birthYear), PersonalIdError.None);
    }

    private static PersonalIdResult Fail(PersonalIdError error) => new(null, error);
}
