using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Tests.Support;

namespace PhanHoi.Bot.Tests.Recognizers;

public sealed class RecognizerTests
{
    [Theory]
    [InlineData("  Gửi   PHẢN ánh ", "gửi phản ánh")]
    [InlineData("Hu\u0309y", "hủy")] // decomposed input becomes precomposed
    [InlineData(null, "")]
    public void Normalize_composes_lowers_trims_and_collapses_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Theory]
    [InlineData("Đường Lê Lợi bị ngập!", "duong le loi bi ngap")]
    [InlineData("ĐỒNG Ý", "dong y")]
    [InlineData("Trợ giúp", "tro giup")]
    [InlineData("OK 👌", "ok")]
    [InlineData("(1)", "1")]
    [InlineData("👍", "")]
    public void Fold_drops_diacritics_and_maps_d_with_stroke(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("có")]
    [InlineData("Co")]
    [InlineData("ừ")]
    [InlineData("u")]
    [InlineData("OK")]
    [InlineData("oke")]
    [InlineData("đồng ý")]
    [InlineData("dong y")]
    [InlineData("Vâng ạ")]
    [InlineData("vang")]
    [InlineData("được")]
    [InlineData("duoc")]
    [InlineData("yes")]
    [InlineData("y")]
    [InlineData("có, giữ kín giúp tôi")]
    [InlineData("Ok!")]
    [InlineData("dạ")]
    [InlineData("Dạ có ạ")]
    [InlineData("đúng")]
    [InlineData("Đúng rồi")]
    [InlineData("dạ đúng")]
    [InlineData("đã đồng ý")]
    [InlineData("phải")]
    [InlineData("rồi")]
    [InlineData("OK 👌")]
    [InlineData("co ạ")] // mixed: each word read as typed
    [InlineData("dạ co")]
    [InlineData("dong y ạ")]
    [InlineData("Bà Hồng đồng ý rồi")] // "Hồng" is a name, not "hông"; agreeing is a yes
    [InlineData("Ba Hong dong y roi")]
    [InlineData("bà ấy đồng ý")]
    public void Yes_is_recognised_with_or_without_diacritics(string text) => Assert.True(YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("không")]
    [InlineData("khong")]
    [InlineData("ko")]
    [InlineData("k")]
    [InlineData("No")]
    [InlineData("thôi")]
    [InlineData("thoi")]
    [InlineData("chưa")]
    [InlineData("chua")]
    [InlineData("không đồng ý")]
    [InlineData("không.")]
    [InlineData("Không, cảm ơn")]
    [InlineData("đừng rút")] // folded it is "dung rut", and "đúng" is yes
    [InlineData("dừng")]
    [InlineData("dạ không")] // a polite opener is not a yes before a no
    [InlineData("dạ chưa")]
    [InlineData("da khong a")]
    [InlineData("Đã hỏi nhưng ông ấy chưa đồng ý")]
    [InlineData("thôi khỏi")]
    [InlineData("khong ạ")]
    [InlineData("chua ạ")]
    [InlineData("dạ khong")]
    public void No_is_recognised_with_or_without_diacritics(string text) => Assert.False(YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("cơm")]
    [InlineData("")]
    [InlineData("dung")] // đúng, đừng or dừng: ask again
    [InlineData("có nhưng chưa hỏi")] // a yes and a no
    [InlineData("Đúng là chưa hỏi")]
    [InlineData("đúng, nhưng chưa đồng ý")]
    [InlineData("Mẹ tôi đồng ý, không phản đối gì")] // agrees and says no: ask again
    public void Anything_else_is_neither_yes_nor_no(string text) => Assert.Null(YesNoRecognizer.Recognize(text));

    [Fact]
    public void A_reply_starting_with_the_word_co_is_read_as_yes_rather_than_blocking_the_citizen() =>
        Assert.True(YesNoRecognizer.Recognize("có lẽ để mai"));

    private static readonly Choice[] Menu =
    [
        new("file", "Gửi phản ánh", ["kiến nghị"]),
        new("lookup", "Tra cứu"),
        new("mine", "Phản ánh của tôi"),
        new("help", "Trợ giúp", ["hướng dẫn"]),
    ];

    [Theory]
    [InlineData("2", "lookup")]
    [InlineData("Tra cứu", "lookup")]
    [InlineData("tra cuu", "lookup")]
    [InlineData("TRA CỨU", "lookup")]
    [InlineData("kien nghi", "file")]
    [InlineData("huong dan", "help")]
    [InlineData("gửi", "file")]
    [InlineData("tôi muốn tra cứu", "lookup")]
    [InlineData("file", "file")]
    public void Choice_is_found_by_number_title_synonym_folded_prefix_or_containment(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Menu)?.Value);

    [Theory]
    [InlineData("5")]
    [InlineData("xyz")]
    [InlineData("ánh")] // inside two titles: ambiguous, ask again
    public void Unknown_or_ambiguous_choice_is_not_guessed(string text) => Assert.Null(ChoiceRecognizer.Recognize(text, Menu));

    [Theory]
    [InlineData("không")]
    [InlineData("chưa")]
    [InlineData("ko")]
    public void A_bare_no_is_not_the_option_that_starts_with_it(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, [new("1", "Không hài lòng"), new("rebut", "Phúc đáp", ["không đồng ý kết quả"]), new("5", "Rất hài lòng")]));

    /// <summary>The summary's answers as dialogs/prompts.yaml has them (a copy here would drift from them).</summary>
    private static readonly IReadOnlyList<Choice> Confirm = PromptChoices("intake.confirm");

    private static readonly IReadOnlyList<Choice> EditFields = PromptChoices("intake.edit");

    private static IReadOnlyList<Choice> PromptChoices(string promptId) =>
        [.. DialogDefinitionLoader.Load(DialogsFolder.Path, Definitions.DialogDefinitionLoaderTests.Factory().Requirements).Prompts[promptId].Choices];

    [Theory]
    [InlineData("không! gửi đi")] // a no before the form, whatever the punctuation
    [InlineData("k! gửi")]
    [InlineData("đừng! gửi")] // asked again: a no, and "gửi"
    [InlineData("thủy")] // holds "huy" inside a word, not "hủy"
    [InlineData("đợi chút đã")] // folded "doi" is also "đổi", a word for "Sửa"
    [InlineData("đừng gửi vội, để tôi sửa tên")] // "Hủy" and "Sửa" both: asked again, not cancelled
    public void A_reply_is_not_taken_for_an_answer_it_only_seems_to_hold(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Confirm)?.Value);

    [Theory]
    [InlineData("gửi kín", "sendPrivate")]
    [InlineData("chỉnh sửa", "edit")]
    [InlineData("OK 👌", "send")]
    [InlineData("gửi, đừng công khai", "sendPrivate")] // "gửi" is a word of "Gửi, giữ kín" itself
    [InlineData("Không, đừng gửi", "cancel")]
    [InlineData("đúng rồi, gửi đi", "send")] // "đúng" is no "đừng"
    public void Every_synonym_of_the_dialogs_counts(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Confirm)?.Value);

    [Fact]
    public void A_name_after_the_field_does_not_hide_the_field_thanh_holds_no_anh() =>
        Assert.Equal("name", ChoiceRecognizer.Recognize("tên thành Nguyễn Văn An", EditFields)?.Value);

    [Theory]
    [InlineData("gửi đi nhé", "send")]
    [InlineData("gửi ẩn danh", "sendPrivate")]
    [InlineData("gửi, xin giữ bí mật", "sendPrivate")]
    [InlineData("gửi đi, đừng công khai nhé", "sendPrivate")]
    [InlineData("đừng gửi", "cancel")]
    [InlineData("thôi tôi chưa gửi đâu", null)] // "not yet": asked again, nothing is thrown away
    [InlineData("Không, đừng gửi", "cancel")]
    [InlineData("đúng rồi, gửi đi", "send")] // "đúng" is no "đừng"
    [InlineData("khoan, chưa gửi", null)]
    [InlineData("chưa gửi vội, tôi cần xem lại", null)]
    [InlineData("không, gửi đi", null)] // a no, then a yes: ask again rather than guess
    [InlineData("k gửi", null)]
    [InlineData("hổng gửi", null)]
    [InlineData("khỏi gửi", null)]
    [InlineData("gửi sau nhé", null)]
    [InlineData("mai gửi", null)]
    [InlineData("không có", null)] // not the start of "không công khai"
    public void Saying_no_is_never_taken_for_sending_and_asking_for_privacy_is_never_a_public_filing(string text, string? expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Confirm)?.Value);

    [Theory]
    [InlineData("hủy", GlobalCommand.Cancel)]
    [InlineData("Huỷ", GlobalCommand.Cancel)]
    [InlineData("huy", GlobalCommand.Cancel)]
    [InlineData("thoát", GlobalCommand.Cancel)]
    [InlineData("thoat", GlobalCommand.Cancel)]
    [InlineData("menu", GlobalCommand.Help)]
    [InlineData("Trợ giúp", GlobalCommand.Help)]
    [InlineData("tro giup", GlobalCommand.Help)]
    [InlineData("help", GlobalCommand.Help)]
    [InlineData("hủy bỏ đơn hàng của tôi", GlobalCommand.None)]
    public void Global_commands_match_whole_message_only(string text, GlobalCommand expected) =>
        Assert.Equal(expected, GlobalCommandRecognizer.Recognize(text));
}
