using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Tests.Recognizers;

public sealed class PhoneRecognizerTests
{
    private static PromptRecognition Read(string text) => new PhoneRecognizer().Recognize(new Activity { Text = text }, []);

    [Theory]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("0912 345 678 (Zalo)", "+84912345678")]
    [InlineData("sđt: 0912.345.678", "+84912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("(0237) 385 2111", "+842373852111")]
    public void A_Vietnamese_number_is_read_from_the_reply(string text, string e164) => Assert.Equal(e164, Read(text).Value);

    [Theory]
    [InlineData("1900 1234")] // premium rate: nobody to call back, and the filing refuses it
    [InlineData("1800 1234")]
    [InlineData("+1 415 555 2671")] // the question asks for a number in Vietnam
    [InlineData("0123")]
    [InlineData("0912345678 hoặc 0987654321")] // two numbers: not guessed between
    public void Numbers_the_filing_would_refuse_are_asked_again_at_once(string text) => Assert.False(Read(text).Succeeded);
}
