using System.Text;
using PhanHoi.Bot.Channels.Delivery;

namespace PhanHoi.Bot.Channels.Tests.Delivery;

public sealed class TextSplitterTests
{
    [Fact]
    public void Short_text_is_one_piece_nfc_normalised()
    {
        var decomposed = "Xin cha\u0300o";

        var pieces = TextSplitter.Split(decomposed, 2000);

        Assert.Equal(["Xin chào"], pieces);
        Assert.True(pieces[0].IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Long_text_is_cut_at_sentence_ends_within_the_limit()
    {
        var sentence = "Đường Lê Lợi có ổ gà lớn trước số 120, đề nghị sửa sớm. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 80)).Trim();

        var pieces = TextSplitter.Split(text, 2000);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(p.Length <= 2000));
        Assert.All(pieces, p => Assert.EndsWith(".", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(pieces).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Paragraphs_are_preferred_over_sentences()
    {
        var first = new string('a', 30) + ". " + new string('b', 30) + ".";
        var text = first + "\n\n" + new string('c', 40) + ".";

        var pieces = TextSplitter.Split(text, 80);

        Assert.Equal([first, new string('c', 40) + "."], pieces);
    }

    [Fact]
    public void Unbroken_text_is_cut_hard_without_splitting_a_surrogate_pair()
    {
        var text = new string('x', 9) + "😀" + new string('y', 10);

        var pieces = TextSplitter.Split(text, 10);

        Assert.All(pieces, p => Assert.True(p.Length <= 10));
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }
}
