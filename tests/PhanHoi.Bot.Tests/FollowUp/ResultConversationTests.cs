using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.FollowUp;

/// <summary>After the result is published: rate it, rebut it once (Art. 13); and withdrawing an open case.</summary>
public sealed class ResultConversationTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    private async Task<PhanHoi.Bot.Activities.Activity> PublishedAsync(string code)
    {
        var published = _chat.Desk.Seed(code, _chat.Citizen, CaseState.Published);
        published.Answer = "Đã sửa xong đoạn đường.";
        return await _chat.NotifyAsync(Notice.Of(NoticeKind.Published, code, ("answer", "Đã sửa xong đoạn đường."), ("deadline", "16/03/2026")));
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("rất hài lòng", 5)]
    [InlineData("rat hai long", 5)]
    [InlineData("5 sao", 5)]
    [InlineData("không hài lòng", 1)] // the words of the question itself
    [InlineData("khong hai long", 1)]
    [InlineData("ko hài lòng", 1)]
    public async Task Citizen_rates_the_published_result_from_the_notice(string answer, int score)
    {
        var notice = await PublishedAsync("TH-BBBB-0001");
        Assert.Equal([_chat.Render("button.rate"), _chat.Render("button.rebut")], notice.Titles());

        await _chat.TapAsync(notice.Button(_chat.Render("button.rate")));
        Assert.Equal(_chat.Render("rate.score.ask", ("code", "TH-BBBB-0001")), _chat.Last);
        await _chat.SayAsync("7");
        Assert.Equal(_chat.Render("rate.score.retry"), _chat.Last);
        await _chat.SayAsync(answer);

        Assert.Equal(_chat.Render("rate.done", ("code", "TH-BBBB-0001"), ("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture))), _chat.Last);
        Assert.Equal(score, _chat.Desk["TH-BBBB-0001"].Rating);
    }

    [Theory]
    [InlineData("có")]
    [InlineData("co")]
    [InlineData("ừ")]
    [InlineData("ok")]
    [InlineData("đồng ý")]
    public async Task Citizen_rebuts_once_after_confirming_Art13(string yes)
    {
        var notice = await PublishedAsync("TH-BBBB-0001");

        await _chat.TapAsync(notice.Button(_chat.Render("button.rebut")));
        Assert.Equal(_chat.Render("rebut.text.ask", ("code", "TH-BBBB-0001")), _chat.Last);
        await _chat.SayAsync("chưa");
        Assert.Equal(_chat.Render("rebut.text.tooShort"), _chat.Last);
        await _chat.SayAsync("Đoạn gần trường học vẫn còn ổ gà lớn, chưa được sửa.");
        Assert.Contains("Đoạn gần trường học vẫn còn ổ gà lớn", _chat.Last, StringComparison.Ordinal);
        await _chat.SayAsync(yes);

        Assert.Equal(_chat.Render("rebut.done", ("code", "TH-BBBB-0001")), _chat.Last);
        Assert.Equal(CaseState.Rebutted, _chat.Desk["TH-BBBB-0001"].State);

        await _chat.TapAsync(notice.Button(_chat.Render("button.rebut")));
        Assert.Equal(_chat.Render("rebut.notAllowed", ("code", "TH-BBBB-0001")), _chat.Last);
        Assert.Single(_chat.Desk.Acts);
    }

    [Theory]
    [InlineData("không")]
    [InlineData("khong")]
    [InlineData("ko")]
    public async Task Declining_the_confirmation_files_no_rebuttal(string no)
    {
        var notice = await PublishedAsync("TH-BBBB-0001");
        await _chat.TapAsync(notice.Button(_chat.Render("button.rebut")));
        await _chat.SayAsync("Đoạn gần trường học vẫn còn ổ gà lớn, chưa được sửa.");

        await _chat.SayAsync(no);

        Assert.Equal(_chat.Render("rebut.cancelled"), _chat.Last);
        Assert.Empty(_chat.Desk.Acts);
        Assert.Equal(CaseState.Published, _chat.Desk["TH-BBBB-0001"].State);
    }

    [Fact]
    public async Task Insulting_rebuttal_is_refused_with_the_rule_Art7()
    {
        var notice = await PublishedAsync("TH-BBBB-0001");
        await _chat.TapAsync(notice.Button(_chat.Render("button.rebut")));

        await _chat.SayAsync("Bọn cán bộ mất dạy, trả lời cho có, đường vẫn hỏng.");

        Assert.Equal(_chat.Render("content.insulting"), _chat.Last);
    }

    [Fact]
    public async Task Rating_in_the_middle_of_an_intake_asks_the_intake_question_again_afterwards()
    {
        var notice = await PublishedAsync("TH-BBBB-0001");
        await _chat.SayAsync("Gửi phản ánh");
        Assert.Equal(_chat.Render("intake.category.ask"), _chat.Last);

        await _chat.TapAsync(notice.Button(_chat.Render("button.rate")));
        await _chat.SayAsync("4");

        Assert.Equal(_chat.Render("rate.done", ("code", "TH-BBBB-0001"), ("score", "4")), _chat.Sender.Texts[^2]);
        Assert.Equal(_chat.Render("intake.category.ask"), _chat.Last);
        await _chat.SayAsync("giao thong");
        Assert.Equal(_chat.Render("intake.content.ask"), _chat.Last);
    }

    [Theory]
    [InlineData("Rút phản ánh", "có")]
    [InlineData("rut", "ừ")]
    public async Task Citizen_withdraws_an_open_case_after_confirming(string menu, string yes)
    {
        _chat.Desk.Seed("TH-CCCC-0001", _chat.Citizen, CaseState.InProgress);
        _chat.Desk.Seed("TH-CCCC-0002", _chat.Citizen, CaseState.Completed);

        await _chat.SayAsync(menu);
        Assert.Equal(_chat.Render("withdraw.confirm.ask", ("code", "TH-CCCC-0001")), _chat.Last);
        await _chat.SayAsync("để tôi nghĩ");
        Assert.Equal(_chat.Render("prompt.retry.notYesNo"), _chat.Last);
        await _chat.SayAsync(yes);

        Assert.Equal(_chat.Render("withdraw.done", ("code", "TH-CCCC-0001")), _chat.Last);
        Assert.Equal(CaseState.Closed, _chat.Desk["TH-CCCC-0001"].State);
    }

    [Theory]
    [InlineData("th 7k3m 9q2b")]
    [InlineData("TH7K3M9Q2B")]
    [InlineData("rút cái TH-7K3M-9Q2B nhé")]
    public async Task With_several_open_cases_the_one_to_withdraw_is_picked_by_its_code_however_typed(string answer)
    {
        _chat.Desk.Seed("TH-7K3M-9Q2A", _chat.Citizen, CaseState.InProgress);
        _chat.Desk.Seed("TH-7K3M-9Q2B", _chat.Citizen, CaseState.Submitted);

        await _chat.SayAsync("rút");
        Assert.StartsWith(_chat.Render("withdraw.case.ask").Split('\n')[0], _chat.Last, StringComparison.Ordinal);
        await _chat.SayAsync(answer);

        Assert.Equal(_chat.Render("withdraw.confirm.ask", ("code", "TH-7K3M-9Q2B")), _chat.Last);
    }

    [Fact]
    public async Task Keeping_the_case_withdraws_nothing()
    {
        _chat.Desk.Seed("TH-CCCC-0001", _chat.Citizen, CaseState.Submitted);

        await _chat.SayAsync("rút");
        await _chat.SayAsync("không");

        Assert.Equal(_chat.Render("withdraw.kept", ("code", "TH-CCCC-0001")), _chat.Last);
        Assert.Empty(_chat.Desk.Acts);
    }

    [Fact]
    public async Task A_case_already_answered_cannot_be_withdrawn()
    {
        await PublishedAsync("TH-BBBB-0001");

        await _chat.TapAsync(PhanHoi.Bot.Activities.CardAction.PostBack("Rút lại", "withdraw:TH-BBBB-0001"));

        Assert.Equal(_chat.Render("withdraw.notAllowed", ("code", "TH-BBBB-0001")), _chat.Last);
    }

    [Fact]
    public async Task Someone_elses_case_cannot_be_rated()
    {
        _chat.Desk.Seed("TH-DDDD-0001", new CitizenAddress("zalo", "other"), CaseState.Published).Answer = "Đã xử lý.";

        await _chat.SayAsync("rate:TH-DDDD-0001");

        Assert.Equal(_chat.Render("lookup.notFound", ("code", "TH-DDDD-0001")), _chat.Last);
        Assert.Empty(_chat.Desk.Acts);
    }
}
