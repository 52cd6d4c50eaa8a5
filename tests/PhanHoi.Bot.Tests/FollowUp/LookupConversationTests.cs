using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.FollowUp;

public sealed class LookupConversationTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData("Tra cứu", "TH-7K3M-9Q2A")]
    [InlineData("tra cuu", "th7k3m9q2a")]
    [InlineData("2", " # th-7k3m 9q2a ")]
    public async Task Citizen_sees_the_full_status_of_their_own_case_with_deadline_in_dd_MM_yyyy(string menuAnswer, string typedCode)
    {
        var mine = _chat.Desk.Seed("TH-7K3M-9Q2A", _chat.Citizen, CaseState.InProgress);
        mine.Deadlines = new Deadlines(ResolveBy: new DateOnly(2026, 3, 16));

        await _chat.SayAsync("xin chào");
        await _chat.SayAsync(menuAnswer);
        Assert.Equal(_chat.Render("lookup.code.ask"), _chat.Last);
        await _chat.SayAsync(typedCode);

        Assert.Contains("TH-7K3M-9Q2A (Giao thông)", _chat.Last, StringComparison.Ordinal);
        Assert.Contains("Tình trạng: " + _chat.Render("state.inProgress"), _chat.Last, StringComparison.Ordinal);
        Assert.Contains("Hạn giải quyết: 16/03/2026.", _chat.Last, StringComparison.Ordinal);
        Assert.Contains(_chat.Render("button.withdraw"), _chat.LastActivity.Titles());
    }

    [Theory]
    [InlineData("TH-7K3M-9Q2A")]
    [InlineData("tra cứu TH-7K3M-9Q2A")]
    [InlineData("Mã của tôi là th 7k3m 9q2a, đã xử lý chưa?")]
    public async Task A_tracking_code_in_a_message_looks_the_case_up_at_once(string text)
    {
        _chat.Desk.Seed("TH-7K3M-9Q2A", _chat.Citizen, CaseState.InProgress);

        await _chat.SayAsync(text);

        Assert.Contains("TH-7K3M-9Q2A (Giao thông)", _chat.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_code_question_the_code_is_found_inside_a_sentence()
    {
        _chat.Desk.Seed("TH-7K3M-9Q2A", _chat.Citizen, CaseState.InProgress);
        await _chat.SayAsync("tra cứu");

        await _chat.SayAsync("mã của tôi là TH-7K3M-9Q2A ạ");

        Assert.Contains("TH-7K3M-9Q2A (Giao thông)", _chat.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_reminded_that_the_chat_window_closes_taps_once_and_sees_where_the_case_stands()
    {
        _chat.Desk.Seed("TH-7K3M-9Q2A", _chat.Citizen, CaseState.InProgress);
        await _chat.SayAsync("Gửi phản ánh"); // mid-intake when the reminder arrives

        var reminder = await _chat.NotifyAsync(Notice.Of(NoticeKind.WindowClosing, "TH-7K3M-9Q2A", ("until", "2026-03-17T02:00:00.0000000+00:00")));
        Assert.Equal([_chat.Render("button.lookup")], reminder.Titles());
        await _chat.TapAsync(reminder.Button(_chat.Render("button.lookup")));

        var status = _chat.Sender.Texts[^2];
        Assert.Contains("TH-7K3M-9Q2A (Giao thông)", status, StringComparison.Ordinal);
        Assert.Contains("Tình trạng: " + _chat.Render("state.inProgress"), status, StringComparison.Ordinal);
        Assert.Equal(_chat.Render("intake.category.ask"), _chat.Last); // then the intake asks its question again
    }

    [Fact]
    public async Task Published_answer_and_the_rebuttal_deadline_are_shown_with_rate_and_rebut_buttons()
    {
        var mine = _chat.Desk.Seed("TH-AAAA-BBBB", _chat.Citizen, CaseState.Published);
        mine.Answer = "Đã thay bóng đèn ngày 10/3.";
        mine.Deadlines = new Deadlines(RebuttalBy: new DateOnly(2026, 3, 24));

        await _chat.TapAsync(PhanHoi.Bot.Activities.CardAction.PostBack("TH-AAAA-BBBB", "lookup:TH-AAAA-BBBB"));

        Assert.Contains("Kết quả trả lời: Đã thay bóng đèn ngày 10/3.", _chat.Last, StringComparison.Ordinal);
        Assert.Contains("Hạn phúc đáp: 24/03/2026.", _chat.Last, StringComparison.Ordinal);
        Assert.Equal([_chat.Render("button.rebut"), _chat.Render("button.rate")], _chat.LastActivity.Titles());
    }

    [Fact]
    public async Task Anyone_sees_a_published_case_without_personal_data_and_confidential_content_withheld()
    {
        var other = _chat.Desk.Seed("TH-CCCC-DDDD", new CitizenAddress("zalo", "someone-else"), CaseState.Published, "Nội dung riêng tư của người khác về hàng xóm.");
        other.Confidential = true;
        other.Answer = "Đã kiểm tra và xử lý.";
        other.PublishedAt = new DateTimeOffset(2026, 2, 27, 10, 0, 0, TimeSpan.FromHours(7));

        await _chat.SayAsync("tra cuu");
        await _chat.SayAsync("TH-CCCC-DDDD");

        Assert.Contains("đã được công khai ngày 27/02/2026", _chat.Last, StringComparison.Ordinal);
        Assert.Contains(_chat.Render("lookup.public.confidential"), _chat.Last, StringComparison.Ordinal);
        Assert.DoesNotContain("hàng xóm", _chat.Last, StringComparison.Ordinal);
        Assert.Null(_chat.LastActivity.SuggestedActions);
    }

    [Fact]
    public async Task Someone_elses_unpublished_case_is_not_found()
    {
        _chat.Desk.Seed("TH-EEEE-FFFF", new CitizenAddress("zalo", "someone-else"), CaseState.InProgress);

        await _chat.SayAsync("tra cứu");
        await _chat.SayAsync("TH-EEEE-FFFF");

        Assert.Equal(_chat.Render("lookup.notFound", ("code", "TH-EEEE-FFFF")), _chat.Last);
    }

    [Fact]
    public async Task Invalid_code_is_asked_again_and_thoat_cancels_half_way()
    {
        await _chat.SayAsync("hi");
        await _chat.SayAsync("tra cuu");
        await _chat.SayAsync("mã của tôi là gì?");
        Assert.Equal(_chat.Render("lookup.code.retry"), _chat.Last);

        await _chat.SayAsync("thoat");
        Assert.Equal(_chat.Render("global.cancelled"), _chat.Last);
        await _chat.SayAsync("chào");
        Assert.Equal(_chat.Render("menu.ask"), _chat.Last);
    }

    [Fact]
    public async Task Citizen_comes_back_hours_later_and_the_question_still_waits()
    {
        _chat.Desk.Seed("TH-GGGG-HHHH", _chat.Citizen, CaseState.Submitted);
        await _chat.SayAsync("hi");
        await _chat.SayAsync("tra cứu");

        _chat.Time.Advance(TimeSpan.FromHours(5));
        await _chat.SayAsync("thgggghhhh");

        Assert.Contains("TH-GGGG-HHHH", _chat.Last, StringComparison.Ordinal);
        Assert.Contains(_chat.Render("state.submitted"), _chat.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_cases_lists_code_short_content_and_state_newest_first_with_a_button_each()
    {
        _chat.Desk.Seed("TH-0000-0001", _chat.Citizen, CaseState.Completed, submittedAt: _chat.Time.GetUtcNow().AddDays(-20));
        _chat.Desk.Seed("TH-0000-0002", _chat.Citizen, CaseState.AwaitingInfo,
            "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than, bốc mùi hôi thối ảnh hưởng sinh hoạt của cả khu phố.",
            _chat.Time.GetUtcNow().AddDays(-1));
        _chat.Desk.Seed("TH-0000-0003", new CitizenAddress("webchat", "u2"), CaseState.Submitted);

        await _chat.SayAsync("hi");
        await _chat.SayAsync("phan anh cua toi");

        var lines = _chat.Last.Split('\n');
        Assert.StartsWith("1. TH-0000-0002 – Rác thải tồn đọng", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("… – " + _chat.Render("state.awaitingInfo"), lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2. TH-0000-0001", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("TH-0000-0003", _chat.Last, StringComparison.Ordinal);
        Assert.Equal(["TH-0000-0002", "TH-0000-0001"], _chat.LastActivity.Titles());

        await _chat.TapAsync(_chat.LastActivity.Button("TH-0000-0001"));
        Assert.Contains(_chat.Render("state.completed"), _chat.Last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_cases_when_there_are_none()
    {
        await _chat.SayAsync("hi");
        await _chat.SayAsync("Phản ánh của tôi");

        Assert.Equal(_chat.Render("mine.none"), _chat.Last);
    }
}
