using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Tests.Recognizers;

public sealed class TaxCodeTests
{
    // A personal ID's birth year is checked against today: a fixed day keeps these answers the same every year.
    private readonly TaxCodeFormatValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("0100109106")] // check digit 6 is right
    [InlineData("0100109106-001")] // branch
    [InlineData("038090012345")] // 12-digit personal identification number (since 1/7/2025)
    public void Valid_tax_code_shapes_are_accepted(string code) => Assert.True(_validator.IsValid(code));

    [Theory]
    [InlineData("0100109107")] // wrong check digit
    [InlineData("010010910")]
    [InlineData("0100109106-000")]
    [InlineData("012345678901")] // 12 digits, but no province has code 012: the filing would refuse it
    [InlineData("01001091O6")]
    [InlineData("")]
    public void Wrong_tax_codes_are_refused(string code) => Assert.False(_validator.IsValid(code));

    [Theory]
    [InlineData("0100109106", "0100109106")]
    [InlineData("MST: 0100109106", "0100109106")]
    [InlineData("mã số thuế của công ty là 0100 109 106 ạ", "0100109106")]
    [InlineData("0100109106 - 001", "0100109106-001")]
    [InlineData("0100.109.106", "0100109106")]
    public void The_one_number_in_a_reply_is_read_as_the_code(string text, string code) =>
        Assert.Equal(code, new TaxCodeRecognizer(_validator).Recognize(new PhanHoi.Bot.Activities.Activity { Text = text }, []).Value);

    [Theory]
    [InlineData("0100109106 hoặc 0100109107")] // two numbers: not guessed between
    [InlineData("không")]
    [InlineData("MST: 0100109107")]
    public void A_reply_without_exactly_one_valid_code_is_refused(string text) =>
        Assert.False(new TaxCodeRecognizer(_validator).Recognize(new PhanHoi.Bot.Activities.Activity { Text = text }, []).Succeeded);
}
