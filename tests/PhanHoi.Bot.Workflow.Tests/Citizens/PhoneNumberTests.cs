using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Tests.Citizens;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("(+84) 912-345-678", "+84912345678")]
    [InlineData("0912.345.678", "+84912345678")]
    [InlineData("0912-345-678", "+84912345678")]
    [InlineData("+840912345678", "+84912345678")] // stray trunk zero after the country code
    [InlineData("0321 234 567", "+84321234567")] // 03x, converted from 016x
    [InlineData("0561 234 567", "+84561234567")]
    [InlineData("0701 234 567", "+84701234567")]
    [InlineData("0812 345 678", "+84812345678")]
    [InlineData("0987 654 321", "+84987654321")]
    public void Vietnamese_mobiles_are_normalised_to_E164(string input, string e164)
    {
        var result = PhoneNumber.Validate(input);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(e164, result.Value!.E164);
        Assert.Equal(PhoneNumberKind.Mobile, result.Value.Kind);
        Assert.Equal("0" + e164[3..], result.Value.National);
    }

    [Theory]
    [InlineData("024 3825 1234", "+842438251234")] // Hà Nội: 024 + 8 digits
    [InlineData("028 3829 1234", "+842838291234")] // TP.HCM: 028 + 8 digits
    [InlineData("0237 385 1234", "+842373851234")] // Thanh Hóa: 0237 + 7 digits
    [InlineData("+84 237 385 1234", "+842373851234")]
    public void Landlines_are_accepted(string input, string e164)
    {
        var result = PhoneNumber.Validate(input);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(e164, result.Value!.E164);
        Assert.Equal(PhoneNumberKind.FixedLine, result.Value.Kind);
    }

    [Theory]
    [InlineData("01692 345 678", "+84392345678")] // 0169 → 039
    [InlineData("0162 345 6789", "+84323456789")] // 0162 → 032
    [InlineData("+84 1234 567 890", "+84834567890")] // 0123 → 083
    [InlineData("01201234567", "+84701234567")] // 0120 → 070
    [InlineData("01211234567", "+84791234567")] // 0121 → 079
    [InlineData("01991234567", "+84591234567")] // 0199 → 059
    public void Obsolete_eleven_digit_mobiles_are_refused_with_the_converted_number_suggested(string input, string suggestion)
    {
        var result = PhoneNumber.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(PhoneNumberError.ObsoleteMobileNumber, result.Error);
        Assert.Equal(suggestion, result.Suggestion!.E164);
    }

    [Theory]
    [InlineData(null, PhoneNumberError.Empty)]
    [InlineData(" ", PhoneNumberError.Empty)]
    [InlineData("không có", PhoneNumberError.InvalidCharacters)]
    [InlineData("0912345678a", PhoneNumberError.InvalidCharacters)]
    [InlineData("0912/345/678", PhoneNumberError.InvalidCharacters)]
    [InlineData("0912 345 67", PhoneNumberError.InvalidNumber)] // too short
    [InlineData("0912 345 6789", PhoneNumberError.InvalidNumber)] // too long
    [InlineData("0112 345 6789", PhoneNumberError.InvalidNumber)] // 011x was never a mobile prefix
    [InlineData("1022", PhoneNumberError.InvalidNumber)] // city hotline short code
    [InlineData("12345", PhoneNumberError.InvalidNumber)]
    [InlineData("+", PhoneNumberError.InvalidNumber)]
    [InlineData("0000000000", PhoneNumberError.InvalidNumber)]
    [InlineData("+44 20 7946 0958", PhoneNumberError.NotVietnamese)]
    [InlineData("1900 1234", PhoneNumberError.NotPersonalNumber)] // premium rate
    [InlineData("1800 1234", PhoneNumberError.NotPersonalNumber)] // toll free
    public void Garbage_and_unusable_numbers_are_refused_with_a_reason(string? input, PhoneNumberError error)
    {
        var result = PhoneNumber.Validate(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void The_number_never_appears_in_its_text_form()
    {
        var valid = PhoneNumber.Validate("0912 345 678");
        var obsolete = PhoneNumber.Validate("01692 345 678");

        Assert.Equal("+8491*****78", valid.Value!.ToString());
        Assert.DoesNotContain("2345", $"{valid} {obsolete}", StringComparison.Ordinal);
    }
}
