using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Tests.Citizens;

public sealed class PersonalIdTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Theory]
    [InlineData("038095123456", "038", Sex.Male, 1995)] // Thanh Hóa
    [InlineData("038 195 123 456", "038", Sex.Female, 1995)]
    [InlineData("001303123456", "001", Sex.Female, 2003)] // Hà Nội
    [InlineData(" 079-200-123456 ", "079", Sex.Male, 2000)] // TP.HCM
    [InlineData("096326123456", "096", Sex.Female, 2026)] // born this year
    [InlineData("046100123456", "046", Sex.Female, 1900)]
    public void Twelve_digits_with_a_known_province_and_a_past_birth_year_are_accepted(
        string input, string province, Sex sex, int birthYear)
    {
        var result = PersonalId.Validate(input, Today);

        Assert.True(result.IsValid);
        Assert.Equal(PersonalIdError.None, result.Error);
        Assert.Equal(string.Concat(input.Where(char.IsAsciiDigit)), result.Value!.Value);
        Assert.Equal(province, result.Value.ProvinceCode);
        Assert.Equal(sex, result.Value.Sex);
        Assert.Equal(birthYear, result.Value.BirthYear);
    }

    [Theory]
    [InlineData(null, PersonalIdError.Empty)]
    [InlineData("   ", PersonalIdError.Empty)]
    [InlineData("03809512345a", PersonalIdError.InvalidCharacters)]
    [InlineData("038.095.123.456", PersonalIdError.InvalidCharacters)]
    [InlineData("038095123", PersonalIdError.WrongLength)] // old 9-digit CMND
    [InlineData("0380951234567", PersonalIdError.WrongLength)]
    [InlineData("003095123456", PersonalIdError.UnknownProvinceCode)] // 003 was never assigned
    [InlineData("000095123456", PersonalIdError.UnknownProvinceCode)]
    [InlineData("097095123456", PersonalIdError.UnknownProvinceCode)]
    [InlineData("038230123456", PersonalIdError.BirthYearInFuture)] // male born 2030
    [InlineData("038227123456", PersonalIdError.BirthYearInFuture)] // 2027, next year
    [InlineData("038495123456", PersonalIdError.BirthYearInFuture)] // 22nd century
    public void Malformed_numbers_are_refused_with_a_reason(string? input, PersonalIdError error)
    {
        var result = PersonalId.Validate(input, Today);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Every_legacy_province_code_is_accepted()
    {
        string[] codes =
        [
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
            "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
            "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
            "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
        ];

        Assert.Equal(63, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(PersonalId.Validate(code + "090123456", Today).IsValid, code));
        var accepted = Enumerable.Range(0, 1000).Select(n => n.ToString("000")).Count(code => PersonalId.Validate(code + "090123456", Today).IsValid);
        Assert.Equal(63, accepted);
    }

    [Fact]
    public void The_number_never_appears_in_its_text_form()
    {
        var id = PersonalId.Validate("038095123456", Today).Value!;

        Assert.Equal("038*******56", id.ToString());
        Assert.DoesNotContain("095123", $"{id} {PersonalId.Validate("038095123456", Today)}", StringComparison.Ordinal);
    }
}
