using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Tests.Citizens;

public sealed class TaxCodeTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Theory]
    // Real enterprise codes (public registers) the formula was confirmed on (DOMAIN §3.1).
    [InlineData("0100109106", "0100109106")]
    [InlineData("0101248141", "0101248141")]
    [InlineData("0300588569", "0300588569")]
    [InlineData("0100112437", "0100112437")]
    // Made-up codes with a correct check digit.
    [InlineData("2800123452", "2800123452")]
    [InlineData(" 3800 123 454 ", "3800123454")]
    [InlineData("8100123458", "8100123458")]
    public void Ten_digits_with_the_mod_11_check_digit_are_accepted(string input, string normalised)
    {
        var result = TaxCode.Validate(input, Today);

        Assert.True(result.IsValid);
        Assert.Equal(TaxCodeKind.TenDigit, result.Value!.Kind);
        Assert.Equal(normalised, result.Value.Value);
    }

    [Theory]
    [InlineData("0100109106-001", "0100109106-001")]
    [InlineData("0100109106001", "0100109106-001")]
    [InlineData("0100109106 001", "0100109106-001")]
    [InlineData(" 0100109106 - 012 ", "0100109106-012")]
    [InlineData("0100109106–999", "0100109106-999")] // en dash from a phone keyboard
    [InlineData("2800123452-100", "2800123452-100")]
    public void Dependent_units_are_normalised_to_ten_digits_hyphen_three(string input, string normalised)
    {
        var result = TaxCode.Validate(input, Today);

        Assert.True(result.IsValid);
        Assert.Equal(TaxCodeKind.DependentUnit, result.Value!.Kind);
        Assert.Equal(normalised, result.Value.Value);
    }

    [Theory]
    [InlineData("038095123456", "038095123456")]
    [InlineData("038 095 123 456", "038095123456")]
    public void Individuals_may_give_their_twelve_digit_personal_id_Circular_86_2024(string input, string normalised)
    {
        var result = TaxCode.Validate(input, Today);

        Assert.True(result.IsValid);
        Assert.Equal(TaxCodeKind.PersonalId, result.Value!.Kind);
        Assert.Equal(normalised, result.Value.Value);
    }

    [Theory]
    [InlineData(null, TaxCodeError.Empty)]
    [InlineData("", TaxCodeError.Empty)]
    [InlineData("MST 0100109106", TaxCodeError.InvalidCharacters)]
    [InlineData("0100109106/001", TaxCodeError.InvalidCharacters)]
    [InlineData("010010910", TaxCodeError.WrongLength)]
    [InlineData("01001091061", TaxCodeError.WrongLength)]
    [InlineData("01001091060011", TaxCodeError.WrongLength)]
    [InlineData("0100109106-01", TaxCodeError.WrongLength)] // 12 digits, but a mistyped branch, not a personal ID
    [InlineData("010010-9106001", TaxCodeError.WrongLength)]
    [InlineData("0100109106-001-1", TaxCodeError.WrongLength)]
    [InlineData("0100109107", TaxCodeError.CheckDigitMismatch)]
    [InlineData("0100109160", TaxCodeError.CheckDigitMismatch)] // transposed digits
    [InlineData("1100109106", TaxCodeError.CheckDigitMismatch)]
    [InlineData("0100109107-001", TaxCodeError.CheckDigitMismatch)]
    [InlineData("0100109106-000", TaxCodeError.InvalidDependentUnitSuffix)]
    public void Invalid_tax_codes_are_refused_with_a_reason(string? input, TaxCodeError error)
    {
        var result = TaxCode.Validate(input, Today);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("0100100030")]
    [InlineData("0100100031")]
    [InlineData("0100100039")]
    public void A_prefix_whose_weighted_sum_is_divisible_by_11_has_no_valid_check_digit(string input)
    {
        // 31·0 + 29·1 + 23·0 + 19·0 + 17·1 + 13·0 + 7·0 + 5·0 + 3·3 = 55 = 5·11: the check would be 10.
        Assert.Equal(TaxCodeError.CheckDigitMismatch, TaxCode.Validate(input, Today).Error);
    }

    [Fact]
    public void The_often_copied_eleven_minus_remainder_formula_is_not_used()
    {
        // 0100109106 (Viettel): weighted sum 114, 114 mod 11 = 4 → 10 − 4 = 6, while (11 − 4) mod 11 = 7.
        Assert.True(TaxCode.Validate("0100109106", Today).IsValid);
        Assert.False(TaxCode.Validate("0100109107", Today).IsValid);

        // 2800123452: remainder 8 → 10 − 8 = 2, while (11 − 8) mod 11 = 3.
        Assert.True(TaxCode.Validate("2800123452", Today).IsValid);
        Assert.False(TaxCode.Validate("2800123453", Today).IsValid);
    }

    [Theory]
    [InlineData("003095123456", PersonalIdError.UnknownProvinceCode)]
    [InlineData("038230123456", PersonalIdError.BirthYearInFuture)]
    public void Twelve_digits_that_are_not_a_personal_id_say_why(string input, PersonalIdError personalIdError)
    {
        var result = TaxCode.Validate(input, Today);

        Assert.Equal(TaxCodeError.InvalidPersonalId, result.Error);
        Assert.Equal(personalIdError, result.PersonalIdError);
    }

    [Fact]
    public void The_code_never_appears_in_its_text_form()
    {
        var result = TaxCode.Validate("038095123456", Today);

        Assert.Equal("03********56", result.Value!.ToString());
        Assert.DoesNotContain("0951234", result.ToString(), StringComparison.Ordinal);
    }
}
