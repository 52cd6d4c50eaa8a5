using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Validators;

namespace PhanHoi.Bot.Tests.Dialogs;

public sealed class DetailValidatorTests
{
    [Theory]
    [InlineData("Số 5 Lê Lợi, phường Hạc Thành")]
    [InlineData("Thôn 3")]
    [InlineData("Mẹ tôi cao tuổi")]
    public async Task An_address_or_a_reason_someone_can_act_on_passes(string text) =>
        Assert.Null(await new DetailValidator().ValidateAsync(text, new Activity(), default));

    [Theory]
    [InlineData("x")]
    [InlineData("k")]
    [InlineData("12345")]
    [InlineData("...")]
    [InlineData("không")]
    [InlineData("không biết")]
    [InlineData("bỏ qua")]
    [InlineData("quay lại")]
    public async Task A_letter_typed_to_get_past_the_question_is_asked_again_Art7_7(string text) =>
        Assert.Equal("tooShort", await new DetailValidator().ValidateAsync(text, new Activity(), default));
}
