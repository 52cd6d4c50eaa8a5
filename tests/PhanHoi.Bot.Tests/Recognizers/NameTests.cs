using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Validators;

namespace PhanHoi.Bot.Tests.Recognizers;

public sealed class NameTests
{
    [Theory]
    [InlineData("Nguyễn Văn An.", "Nguyễn Văn An")]
    [InlineData("  Lê   Thị Mai ! ", "Lê Thị Mai")]
    [InlineData("\"Trần Văn Ba\"", "Trần Văn Ba")]
    [InlineData("Phan Anh Tuấn", "Phan Anh Tuấn")] // folded, it reads "phản ánh"
    [InlineData("Phan Ánh Nguyệt", "Phan Ánh Nguyệt")]
    [InlineData("Nguyen Thi Hong", "Nguyen Thi Hong")]
    [InlineData("Tôi tên là Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("Nguyễn Văn An 😊", "Nguyễn Văn An")]
    [InlineData("Trần Thị Vàng", "Trần Thị Vàng")]
    public async Task A_name_is_read_without_the_punctuation_around_it(string text, string name)
    {
        var read = new NameRecognizer().Recognize(new Activity { Text = text }, []);

        Assert.Equal(name, read.Value);
        Assert.Null(await new FullNameValidator().ValidateAsync(read.Value, new Activity(), default));
    }

    [Theory]
    [InlineData("quay lại")]
    [InlineData("phản ánh của tôi")]
    [InlineData("ẩn danh")]
    [InlineData("Không muốn nói")]
    [InlineData("an danh")]
    [InlineData("An")]
    [InlineData("an danh ạ")] // mixed typing, word by word
    [InlineData("quay lai nhé")]
    [InlineData("khong muon nói")]
    [InlineData("ảnh đây")]
    [InlineData("Vâng ạ")]
    [InlineData("đồng ý")]
    [InlineData("Công dân")]
    public async Task Phrases_no_name_holds_are_asked_again(string text) =>
        Assert.Equal("notFullName", await new FullNameValidator().ValidateAsync(text, new Activity(), default));
}
