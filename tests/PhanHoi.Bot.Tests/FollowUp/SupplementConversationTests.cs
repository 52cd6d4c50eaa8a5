using PhanHoi.Bot.Tests.Intake;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.FollowUp;

public sealed class SupplementConversationTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    private FakeCase Awaiting(string code, string request)
    {
        var awaiting = _chat.Desk.Seed(code, _chat.Citizen, CaseState.AwaitingInfo);
        awaiting.InfoRequest = request;
        return awaiting;
    }

    [Fact]
    public async Task An_insulting_supplement_is_explained_and_not_kept_Art7_4()
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể")));

        await _chat.SayAsync("Bọn cán bộ phường đồ ngu, hỏi mãi không hiểu.");

        Assert.Equal(_chat.Render("content.insulting"), _chat.Sender.Texts[^2]); // then the request is asked again
        await _chat.SayAsync("Trước số nhà 120 đường Lê Lợi, phường Hạc Thành.");
        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "0")), _chat.Last);
    }

    [Fact]
    public async Task After_the_request_the_next_messages_text_and_photo_go_to_that_case_SPEC4()
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể và ảnh hiện trường");
        var notice = await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể và ảnh hiện trường")));
        Assert.Contains("số nhà cụ thể và ảnh hiện trường", notice.Text, StringComparison.Ordinal);
        Assert.Equal([_chat.Render("button.supplement")], notice.Titles());

        await _chat.SayAsync("Trước số nhà 120 đường Lê Lợi, phường Hạc Thành.");
        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "0")), _chat.Last);
        await _chat.SendAsync(Messages.WithAttachment(ChatHarness.User, "https://cdn.example.test/hien-truong.jpg"));
        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "1")), _chat.Last);
        await _chat.SayAsync("xong");

        Assert.Equal(_chat.Render("supplement.done", ("code", "TH-AAAA-0001")), _chat.Last);
        var act = Assert.Single(_chat.Desk.Acts);
        Assert.Equal(("TH-AAAA-0001", "supplement", "Trước số nhà 120 đường Lê Lợi, phường Hạc Thành."), (act.Code, act.Action, act.Text));
        Assert.Equal("https://cdn.example.test/hien-truong.jpg", Assert.Single(act.Files).Url);

        await _chat.SayAsync("chào");
        Assert.Equal(_chat.Render("menu.ask"), _chat.Last);
    }

    [Fact]
    public async Task A_request_told_while_the_menu_is_up_takes_the_next_message_and_a_greeting_is_no_part_of_it()
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể");
        await _chat.SayAsync("xin chào"); // the citizen comes back; the request is told after the menu (a window reopened)
        Assert.Equal(_chat.Render("menu.ask"), _chat.Last);
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể")));

        await _chat.SayAsync("Trước số nhà 120 đường Lê Lợi, phường Hạc Thành.");

        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "0")), _chat.Last);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("cảm ơn ạ")]
    [InlineData("TH-AAAA-0001")]
    public async Task An_acknowledgment_is_no_supplement_and_the_request_is_asked(string text)
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể")));

        await _chat.SayAsync(text);
        await _chat.SayAsync("ok");
        await _chat.SayAsync("Trước số nhà 120 đường Lê Lợi.");

        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "0")), _chat.Last);
        Assert.Empty(_chat.Desk.Acts);
    }

    [Fact]
    public async Task An_answer_quoting_the_code_of_the_request_is_the_supplement_not_a_lookup()
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể")));

        await _chat.SayAsync("Bổ sung cho TH-AAAA-0001: nhà số 5 ngõ 12.");

        Assert.Equal(_chat.Render("supplement.more.ask", ("code", "TH-AAAA-0001"), ("textCount", "1"), ("fileCount", "0")), _chat.Last);
    }

    [Fact]
    public async Task A_greeting_after_the_request_asks_for_the_supplement_instead_of_keeping_the_greeting()
    {
        Awaiting("TH-AAAA-0001", "số nhà cụ thể");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "số nhà cụ thể")));

        await _chat.SayAsync("chào ạ");
        await _chat.SayAsync("Trước số nhà 120 đường Lê Lợi.");
        await _chat.SayAsync("xong");

        Assert.Equal("Trước số nhà 120 đường Lê Lợi.", Assert.Single(_chat.Desk.Acts).Text);
    }

    [Fact]
    public async Task From_the_menu_the_citizen_picks_among_cases_awaiting_information_by_number()
    {
        Awaiting("TH-AAAA-0001", "ảnh hiện trường");
        Awaiting("TH-AAAA-0002", "thời gian xảy ra sự việc");
        _chat.Desk.Seed("TH-AAAA-0003", _chat.Citizen, CaseState.InProgress);

        await _chat.SayAsync("bo sung");
        Assert.StartsWith(_chat.Render("supplement.case.ask", ("caseList", string.Empty)).TrimEnd(), _chat.Last, StringComparison.Ordinal);
        Assert.Equal(2, _chat.LastActivity.Titles().Length);
        await _chat.SayAsync("khong biet");
        Assert.Equal(_chat.Render("cases.pick.retry"), _chat.Last);
        var second = _chat.LastActivity.Titles()[1];
        await _chat.SayAsync("2");

        Assert.Contains(_chat.Desk[second].InfoRequest!, _chat.Last, StringComparison.Ordinal);
        await _chat.SayAsync("Khoảng 7 giờ sáng ngày 1/3.");
        await _chat.SayAsync("Gửi bổ sung");

        Assert.Equal(second, Assert.Single(_chat.Desk.Acts).Code);
        Assert.Equal(CaseState.Submitted, _chat.Desk[second].State);
    }

    [Fact]
    public async Task The_button_on_the_notice_starts_the_supplement_even_in_the_middle_of_another_question()
    {
        Awaiting("TH-AAAA-0001", "ảnh hiện trường");
        var notice = await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "ảnh hiện trường")));
        await _chat.SayAsync("tra cứu");
        Assert.Equal(_chat.Render("lookup.code.ask"), _chat.Last);

        await _chat.TapAsync(notice.Button(_chat.Render("button.supplement")));
        Assert.Contains("ảnh hiện trường", _chat.Last, StringComparison.Ordinal);
        await _chat.SendAsync(Messages.WithAttachment(ChatHarness.User, "https://cdn.example.test/a.jpg"));
        await _chat.SayAsync("gửi");

        Assert.Equal(_chat.Render("lookup.code.ask"), _chat.Last);
        Assert.Empty(Assert.Single(_chat.Desk.Acts).Text!);
    }

    [Fact]
    public async Task Cancelling_half_way_files_nothing_and_the_menu_offers_it_again()
    {
        Awaiting("TH-AAAA-0001", "ảnh hiện trường");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "ảnh hiện trường")));
        await _chat.SayAsync("Ảnh em gửi sau nhé");

        await _chat.SayAsync("hủy");

        Assert.Equal(_chat.Render("global.cancelled"), _chat.Last);
        Assert.Empty(_chat.Desk.Acts);
        await _chat.SayAsync("Bổ sung");
        Assert.Contains("ảnh hiện trường", _chat.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_answered_meanwhile_is_forgotten_and_the_message_goes_to_the_menu()
    {
        var awaiting = Awaiting("TH-AAAA-0001", "ảnh hiện trường");
        await _chat.NotifyAsync(Notice.Of(NoticeKind.InfoRequested, "TH-AAAA-0001", ("message", "ảnh hiện trường")));
        awaiting.State = CaseState.Closed;

        await _chat.SayAsync("xin chào");

        Assert.Equal(_chat.Render("menu.ask"), _chat.Last);
    }

    [Fact]
    public async Task Nothing_to_supplement_is_said_plainly()
    {
        _chat.Desk.Seed("TH-AAAA-0003", _chat.Citizen, CaseState.InProgress);

        await _chat.SayAsync("bổ sung thông tin");

        Assert.Equal(_chat.Render("supplement.none"), _chat.Last);
    }
}
