using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Screening;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.FollowUp;

/// <summary>What intake refuses before filing (Art. 1.2, 7.4–7.6), Zalo's shared profile, and secrets at rest.</summary>
public sealed class IntakeScreeningTests : IDisposable
{
    private const string Content = "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.";
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    private async Task StartAsync()
    {
        await _chat.SayAsync("gui phan anh");
        await _chat.SayAsync("giao thông");
    }

    [Theory]
    [InlineData("Tôi muốn khiếu nại quyết định thu hồi đất của UBND phường đối với gia đình tôi.", "intake.content.outOfScope")]
    [InlineData("Toi muon to cao can bo dia chinh phuong nhan tien khi lam so do cho dan.", "intake.content.outOfScope")]
    [InlineData("😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡😡", "intake.content.tooShort")]
    [InlineData("Xin tu van phap luat ve viec chia thua ke dat dai giua cac anh em trong gia dinh.", "intake.content.legalAdvice")]
    [InlineData("Bọn cán bộ phường làm việc như đồ ngu, đường hỏng cả năm không ai sửa.", "content.insulting")]
    [InlineData("Khuyến mãi lớn, giảm giá 50% máy lọc nước, liên hệ 0912345678 hoặc www.maylocnuoc.vn để đặt hàng.", "content.advertising")]
    [InlineData("Cán bộ phường Hạc Thành làm việc như oc cho, suc vat, hồ sơ của tôi nộp ba tháng chưa xong.", "content.insulting")] // bare insults in accented text
    [InlineData("Tôi muốn gửi don khieu nai về việc phường thu hồi đất của gia đình tôi.", "intake.content.outOfScope")]
    public async Task Unacceptable_content_is_explained_and_not_filed(string text, string expectedKey)
    {
        await StartAsync();

        await _chat.SayAsync(text);

        Assert.Equal(_chat.Render(expectedKey), _chat.Last);
        Assert.Empty(_chat.Desk.Filed);
    }

    [Theory]
    [InlineData(Content)]
    [InlineData("Cửa hàng ở số 5 Lê Lợi lấn chiếm vỉa hè để bán hàng, người đi bộ phải xuống lòng đường rất nguy hiểm.")]
    [InlineData("Đề nghị lắp đèn chiếu sáng ở ngõ 12, buổi tối rất tối, học sinh đi học thêm về rất lớn tuổi cũng sợ.")]
    [InlineData("Cây xà cừ to cao trước nhà số 10 đường Trần Phú bị nghiêng sắp đổ, rất nguy hiểm cho người đi đường.")]
    [InlineData("Cay xa cu to cao truoc nha so 10 duong Tran Phu bi nghieng sap do, de nghi cat tia som.")]
    [InlineData("Bo may hanh chinh phuong lam viec cham, ho so nop tu thang truoc van chua co ket qua.")]
    [InlineData("Mat day kenh tieu nuoc thon 3 bi boi lang, mua xuong la ngap ca xom.")]
    [InlineData("Quan do an hai san o cho trung tam de rac thai ra via he, boc mui ca khu pho.")]
    [InlineData("Doi ngu can bo mot cua phuong nhiet tinh, nhung may lay so thu tu hay hong.")]
    [InlineData("Con cho nha so 7 tha rong can nguoi, duong nay khong con cho tre em di hoc an toan.")]
    [InlineData("Cây xà cừ to cao ba chục mét trước trường tiểu học bị nghiêng ra đường, rất nguy hiểm.")]
    [InlineData("Vật liệu xây dựng (VL) đổ tràn ra đường Lê Lợi suốt một tuần nay.")]
    [InlineData("Quán nhậu đầu ngõ vứt vài lon bia ra đường mỗi tối, sáng ra rác đầy vỉa hè.")]
    [InlineData("Cửa hàng đồ ngủ ở số 12 Lê Lợi bày hàng lấn chiếm hết vỉa hè.")]
    public void Ordinary_reports_pass_the_screen(string text) => Assert.Null(ContentScreen.Check(text));

    [Theory]
    [InlineData("Tờ rơi cho vay tiền nhanh, giải ngân trong ngày, gọi 0912345678 dán khắp cột điện đường Lê Lợi, đề nghị xử lý.")]
    [InlineData("To roi cho vay tien nhanh giai ngan trong ngay goi 0912345678 dan khap cot dien duong Le Loi")]
    [InlineData("Tôi liên tục nhận tin nhắn rác: vay vốn lãi suất thấp, giải ngân nhanh, gọi 0987654321, đề nghị cơ quan chức năng ngăn chặn.")]
    public void A_report_that_quotes_an_advertisement_is_no_advertisement(string text) => Assert.Null(ContentScreen.Check(text));

    [Theory]
    [InlineData("Vay tiền nhanh, giải ngân trong ngày, lãi suất thấp, gọi ngay 0912345678.")]
    [InlineData("Khuyen mai lon giam gia 50% dat hang ngay tai www.shopabc.vn")]
    [InlineData("Cho vay tiền nhanh, giải ngân trong ngày, uy tín không lừa đảo, gọi 0912345678")] // spam's own words
    [InlineData("Ho tro vay von cho nguoi dan, lai suat thap, giai ngan nhanh, goi 0912345678")]
    [InlineData("Phản ánh: vay tiền nhanh, giải ngân trong ngày, lãi suất thấp, gọi 0912345678")]
    public void Advertising_itself_is_refused_Art7_6(string text) => Assert.Equal(ScreeningReasons.Advertising, ContentScreen.Check(text));

    [Theory]
    [InlineData("Bon can bo phuong lam viec nhu do ngu, duong hong ca nam khong ai sua.")]
    [InlineData("Can bo dia chinh ngu nhu bo, ho so nop ba lan van sai ten.")]
    [InlineData("Lu an hai o phuong khong ai chiu di kiem tra duong ong nuoc vo.")]
    public void Insults_typed_without_diacritics_are_refused_Art7_4(string text) =>
        Assert.Equal(ScreeningReasons.Insulting, ContentScreen.Check(text));

    [Theory]
    [InlineData("Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.")]
    [InlineData("duong le loi doan truoc so 120 co o ga lon xe may de nga de nghi sua som")]
    [InlineData("Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm!!!")]
    public async Task The_same_content_sent_again_points_to_the_earlier_code_Art7_6(string again)
    {
        _chat.Desk.Seed("TH-EEEE-0001", _chat.Citizen, CaseState.InProgress, Content, _chat.Time.GetUtcNow().AddDays(-2));
        await StartAsync();

        await _chat.SayAsync(again);

        Assert.Equal(_chat.Render("intake.duplicate", ("code", "TH-EEEE-0001"), ("submitted", "28/02/2026"), ("state", _chat.Render("state.inProgress"))), _chat.Last);
        Assert.Empty(_chat.Desk.Filed);
    }

    [Fact]
    public async Task The_same_content_from_another_citizen_or_long_ago_or_withdrawn_is_filed_normally()
    {
        _chat.Desk.Seed("TH-EEEE-0001", new CitizenAddress("webchat", "u2"), CaseState.InProgress, Content, _chat.Time.GetUtcNow().AddDays(-2));
        _chat.Desk.Seed("TH-EEEE-0002", _chat.Citizen, CaseState.Completed, Content, _chat.Time.GetUtcNow().AddDays(-90));
        _chat.Desk.Seed("TH-EEEE-0003", _chat.Citizen, CaseState.Closed, Content, _chat.Time.GetUtcNow().AddDays(-1));
        await StartAsync();

        await _chat.SayAsync(Content);

        Assert.Equal(_chat.Render("intake.evidence.ask"), _chat.Last);
    }

    [Fact]
    public async Task Answers_the_bot_cannot_take_at_a_later_question_never_drop_the_report()
    {
        await StartAsync();
        await _chat.SayAsync(Content);
        await _chat.SayAsync("bo qua");

        foreach (var text in new[] { "An", "Nguyễn Văn An 0912345678", "😀😀", "?" })
        {
            await _chat.SayAsync(text);
        }

        Assert.Contains(_chat.Render("prompt.stillAsking"), _chat.Sender.Texts);
        Assert.DoesNotContain(_chat.Render("prompt.giveUp"), _chat.Sender.Texts);
        await _chat.SayAsync("Nguyễn Văn An");
        Assert.Equal(_chat.Render("intake.phone.ask"), _chat.Last);
    }

    [Fact]
    public async Task Text_sent_at_the_photo_question_is_more_of_the_content_and_screened_like_it()
    {
        await StartAsync();
        await _chat.SayAsync(Content);

        await _chat.SayAsync("Từ tháng 3 đến nay vẫn chưa được sửa, tối qua lại có người ngã.");
        Assert.Equal([_chat.Render("intake.content.added"), _chat.Render("intake.evidence.more")], _chat.Sender.Texts.TakeLast(2));
        await _chat.SayAsync("Bọn cán bộ phường đồ ngu, không ai làm gì cả.");
        Assert.Equal(_chat.Render("content.insulting"), _chat.Sender.Texts[^2]);
        await _chat.SayAsync("ảnh đây"); // a few words are no content: asked again
        Assert.Equal(_chat.Render("intake.evidence.retry"), _chat.Last);
        await _chat.SayAsync("Hiện tại tôi chưa chụp được ảnh nên gửi sau nhé"); // about the question, not the content
        Assert.Equal(_chat.Render("intake.evidence.retry"), _chat.Last);

        foreach (var text in new[] { "xong", "Nguyễn Văn An", "0912345678", "không", "không" })
        {
            await _chat.SayAsync(text);
        }

        Assert.Contains($"- Nội dung: {Content}\nTừ tháng 3 đến nay vẫn chưa được sửa, tối qua lại có người ngã.\n- Ảnh/tệp", _chat.Sender.Texts[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tax_code_the_citizen_can_go_on_as_not_tax_related()
    {
        await StartAsync();
        foreach (var text in new[] { Content, "bo qua", "Nguyễn Văn An", "0912345678", "có", "MST: 0100109107" })
        {
            await _chat.SayAsync(text);
        }

        Assert.Equal(_chat.Render("intake.taxCode.retry"), _chat.Last);
        Assert.Contains(_chat.Render("intake.taxCode.skip"), _chat.LastActivity.SuggestedActions!.Actions.Select(a => a.Title));
        await _chat.SayAsync(_chat.Render("intake.taxCode.skip")); // the button
        Assert.Equal(_chat.Render("intake.proxy.ask"), _chat.Last);
        await _chat.SayAsync("không");
        Assert.Contains("- Mã số thuế: không", _chat.Sender.Texts[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zalo_shared_profile_answers_the_name_and_phone_questions()
    {
        await StartAsync();
        await _chat.SayAsync(Content);
        await _chat.SayAsync("bo qua");
        Assert.Equal(_chat.Render("intake.name.ask"), _chat.Last);

        await _chat.SendAsync(ChatHarness.ShareInfo("Nguyễn Văn An", "0912345678"));
        Assert.Equal(_chat.Render("intake.tax.ask"), _chat.Last); // one card answers both questions
        foreach (var answer in new[] { "ko", "k" })
        {
            await _chat.SayAsync(answer);
        }

        await _chat.SayAsync("gửi");
        var filed = Assert.Single(_chat.Desk.Filed);
        Assert.Equal(("Nguyễn Văn An", "+84912345678"), (filed.Citizen.Name, filed.Citizen.Phone));
    }

    [Fact]
    public async Task Shared_profile_does_not_answer_a_question_that_is_not_about_it()
    {
        await StartAsync();
        var before = _chat.Sender.Sent.Count;

        await _chat.SendAsync(ChatHarness.ShareInfo("Nguyễn Văn An", "0912345678"));

        Assert.Equal(before, _chat.Sender.Sent.Count);
        await _chat.SayAsync(Content);
        Assert.Equal(_chat.Render("intake.evidence.ask"), _chat.Last);
    }

    [Fact]
    public async Task Personal_data_collected_mid_dialog_is_encrypted_in_the_stored_state_SPEC5()
    {
        await StartAsync();
        await _chat.SayAsync(Content);
        await _chat.SayAsync("bo qua");
        await _chat.SayAsync("Trịnh Thị Bích Ngọc");
        await _chat.SayAsync("0356 789 123");
        await _chat.SayAsync("co");
        await _chat.SayAsync("0100109106");
        await _chat.SayAsync("có");
        await _chat.SayAsync("có");
        await _chat.SayAsync("Hoàng Văn Tư");
        await _chat.SayAsync("12 Phan Chu Trinh, Hạc Thành");
        Assert.Equal(_chat.Render("intake.proxy.phone"), _chat.Last);

        var store = _chat.Services.GetRequiredService<IBotStateStore>();
        var raw = await store.GetAsync("webchat/conversations/conv-" + ChatHarness.User, CancellationToken.None);
        var stored = Encoding.UTF8.GetString(raw!.Value);
        foreach (var secret in new[] { "Trịnh Thị Bích Ngọc", "+84356789123", "0356", "0100109106", "Hoàng Văn Tư", "12 Phan Chu Trinh" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(System.Text.Json.JsonEncodedText.Encode(secret).ToString(), stored, StringComparison.Ordinal);
        }

        Assert.Contains("pd1:", stored, StringComparison.Ordinal);
        Assert.Contains("ổ gà", System.Text.RegularExpressions.Regex.Unescape(stored), StringComparison.Ordinal);

        await _chat.SayAsync("0968123457");
        await _chat.SayAsync("Cha tôi đã lớn tuổi");
        Assert.Contains("Trịnh Thị Bích Ngọc, +84356789123", _chat.Sender.Texts[^2], StringComparison.Ordinal);
        await _chat.SayAsync("gửi");
        var filed = Assert.Single(_chat.Desk.Filed);
        Assert.Equal("0100109106", filed.Citizen.TaxCode);
        Assert.Equal(("Hoàng Văn Tư", "12 Phan Chu Trinh, Hạc Thành", "+84968123457"), (filed.Citizen.Proxy!.Name, filed.Citizen.Proxy.Address, filed.Citizen.Proxy.Phone));
    }

    [Fact]
    public async Task Unchanged_protected_state_is_not_written_again()
    {
        var store = new CountingStore(new InProcessBotStateStore(TimeProvider.System));
        var state = new BotState<ConversationData>(store, StateKeys.Conversation, StateJsonContext.Default.ConversationData, TimeSpan.FromDays(1),
            new ConversationDataProtection(new Support.AesGcmTestProtector(), new HashSet<string> { "name" }));
        var activity = Support.Messages.From("u5", "x");
        var first = await state.LoadAsync(activity, CancellationToken.None);
        first.Value.Stack.Add(new PhanHoi.Bot.Dialogs.DialogInstance { Id = "intake", Values = new System.Text.Json.Nodes.JsonObject { ["name"] = "Lê Văn Nam" } });
        await state.SaveAsync(first, CancellationToken.None);

        var second = await state.LoadAsync(activity, CancellationToken.None);
        Assert.Equal("Lê Văn Nam", second.Value.Stack[0].Values!["name"]!.GetValue<string>());
        await state.SaveAsync(second, CancellationToken.None);

        Assert.Equal(1, store.Writes);
    }

    private sealed class CountingStore(IBotStateStore inner) : IBotStateStore
    {
        public int Writes { get; private set; }

        public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public Task<string> SetAsync(string key, byte[] value, string expectedETag, TimeSpan? ttl, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.SetAsync(key, value, expectedETag, ttl, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, string expectedETag, CancellationToken cancellationToken) => inner.DeleteAsync(key, expectedETag, cancellationToken);
    }
}
