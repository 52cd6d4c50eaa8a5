using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Tests.Recognizers;

public sealed class WholeWordsTests
{
    [Theory]
    [InlineData("co a", "co", true)]
    [InlineData("co, giu kin", "co", true)]
    [InlineData("co", "co", true)]
    [InlineData("com", "co", false)]
    [InlineData("sua lai ten", "sua lai", true)]
    [InlineData("sua lait", "sua lai", false)]
    [InlineData("", "co", false)]
    public void StartWith_ends_at_a_word_boundary(string text, string words, bool expected) =>
        Assert.Equal(expected, WholeWords.StartWith(text, words));

    [Theory]
    [InlineData("thuy", "huy", -1)]
    [InlineData("ten thanh", "anh", -1)]
    [InlineData("thuy, huy di", "huy", 6)] // the first standing alone, not the first found
    [InlineData("gui anh", "anh", 4)]
    [InlineData("anh", "anh", 0)]
    [InlineData("123-anh", "anh", 4)]
    public void IndexIn_finds_words_standing_alone(string text, string words, int expected) =>
        Assert.Equal(expected, WholeWords.IndexIn(text, words));
}
