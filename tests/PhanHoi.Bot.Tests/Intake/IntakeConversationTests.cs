using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Tests.Turns;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Tests.Intake;

/// <summary>The YAML-driven intake, through AddBotCore and the whole pipeline, as a channel would run it.</summary>
public sealed class IntakeConversationTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RecordingSender _sender = new();
    private readonly FakeCaseDesk _desk = new();

    public IntakeConversationTests()
    {
        _services = BotServices.Build(_desk);
    }

    public void Dispose() => _services.Dispose();

    private MessageCatalog Texts => _services.GetRequiredService<MessageCatalog>();

    private string Last => _sender.Texts[^1];

    private Task SayAsync(string text) => SendAsync(Messages.From("u1", text));

    private Task SendAsync(Activity activity) =>
        _services.GetRequiredService<ActivityProcessor>().ProcessAsync(activity, _sender, CancellationToken.None);

    [Fact]
    public void Without_redis_the_in_process_stores_are_used()
    {
        Assert.IsType<InProcessBotStateStore>(_services.GetRequiredService<IBotStateStore>());
        Assert.Equal(6, _services.GetRequiredService<MiddlewareSet>().Items.Count);
    }

    [Fact]
    public async Task Citizen_files_a_PAKN_edits_the_phone_from_the_summary_and_gets_a_code()
    {
        await SayAsync("xin chào");
        Assert.Equal(Texts.Render("menu.ask"), Last);
        Assert.Contains("Gửi phản ánh", _sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));

        await SayAsync("Gửi phản ánh");
        Assert.Equal(Texts.Render("intake.category.ask"), Last);
        Assert.Equal(["Giao thông", "Môi trường", "Thuế"], _sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));

        await SayAsync("giao thong");
        Assert.Equal(Texts.Render("intake.content.ask"), Last);
        await SayAsync("ổ gà");
        Assert.Equal(Texts.Render("intake.content.tooShort"), Last);
        await SayAsync("Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.");
        Assert.Equal(Texts.Render("intake.evidence.ask"), Last);
        await SayAsync("ảnh đây");
        Assert.Equal(Texts.Render("intake.evidence.retry"), Last);
        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/o-ga.jpg"));
        Assert.Equal(Texts.Render("intake.evidence.more"), Last);
        Assert.Equal(["Xong"], _sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));
        await SayAsync("xong");
        Assert.Equal(Texts.Render("intake.name.ask"), Last);
        await SayAsync("Nguyễn Văn An");
        await SayAsync("0912 345 678");
        Assert.Equal(Texts.Render("intake.tax.ask"), Last);
        await SayAsync("có");
        await SayAsync("12345");
        Assert.Equal(Texts.Render("intake.taxCode.retry"), Last);
        await SayAsync("0100109106");
        Assert.Equal(Texts.Render("intake.proxy.ask"), Last);
        await SayAsync("ko");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Equal(["Gửi", "Gửi, giữ kín", "Sửa", "Hủy"], _sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("Giao thông", _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Contains("+84912345678", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        Assert.Equal(Texts.Render("intake.edit.ask"), Last);
        await SayAsync("số điện thoại");
        Assert.Equal(Texts.Render("intake.phone.ask"), Last);
        await SayAsync("0987654321");
        Assert.Contains("+84987654321", _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        await SayAsync("gửi");

        Assert.Equal(Texts.Render("intake.filed", FakeCaseDesk.FiledValues("TH-0001")), Last);
        var filed = Assert.Single(_desk.Filed);
        Assert.Equal("giao-thong", filed.Category);
        Assert.Equal(CaseChannel.Webchat, filed.Channel);
        Assert.Equal("+84987654321", filed.Citizen.Phone);
        Assert.Equal("Nguyễn Văn An", filed.Citizen.Name);
        Assert.Equal("0100109106", filed.Citizen.TaxCode);
        Assert.Null(filed.Citizen.Proxy);
        Assert.False(filed.Confidential);
        Assert.Equal("https://cdn.example.test/o-ga.jpg", Assert.Single(filed.Attachments).Url);
        Assert.Null(filed.Location);
        Assert.Equal(new CitizenAddress("webchat", "u1"), filed.CitizenAddress);
    }

    private async Task ReachTaxQuestionAsync()
    {
        foreach (var text in new[] { "hi", "1", "giao thong", "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.", "bỏ qua", "Nguyễn Văn An", "0912 345 678" })
        {
            await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.tax.ask"), Last);
    }

    [Theory]
    [InlineData("Có, mã số thuế 0100109106")]
    [InlineData("co mst 0100 109 106 a")]
    [InlineData("Dạ có ạ, MST: 0100109106")]
    public async Task A_yes_that_gives_the_tax_code_is_not_asked_for_the_code_again(string answer)
    {
        await ReachTaxQuestionAsync();

        await SayAsync(answer);
        Assert.Equal(Texts.Render("intake.proxy.ask"), Last);
        await SayAsync("không");
        Assert.Contains("0100109106", _sender.Texts[^2], StringComparison.Ordinal);
        await SayAsync("gửi");
        Assert.Equal("0100109106", Assert.Single(_desk.Filed).Citizen.TaxCode);
    }

    [Theory]
    [InlineData("Có, mã số thuế 0100109107")] // wrong check digit: not taken, the code question says what is valid
    [InlineData("có, 0100109106 hoặc 0101243150")] // two numbers are not guessed between
    public async Task A_yes_with_no_one_valid_code_asks_for_the_code(string answer)
    {
        await ReachTaxQuestionAsync();

        await SayAsync(answer);
        Assert.Equal(Texts.Render("intake.taxCode.ask"), Last);
        await SayAsync("0101243150");
        Assert.Equal(Texts.Render("intake.proxy.ask"), Last);
    }

    [Fact]
    public async Task Changing_the_tax_code_from_the_summary_takes_the_code_given_with_the_yes()
    {
        await ReachTaxQuestionAsync();
        await SayAsync("Có, mã số thuế 0100109106");
        await SayAsync("không");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);

        await SayAsync("sửa");
        await SayAsync("mã số thuế");
        Assert.Equal(Texts.Render("intake.tax.ask"), Last);
        await SayAsync("có, mã mới là 0101243150");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Contains("0101243150", _sender.Texts[^2], StringComparison.Ordinal);
        Assert.DoesNotContain("0100109106", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        await SayAsync("mã số thuế");
        await SayAsync("có");
        Assert.Equal(Texts.Render("intake.taxCode.ask"), Last); // a bare yes asks for the code, as before
    }

    [Fact]
    public async Task A_tax_code_given_by_mistake_is_taken_away_from_the_summary_and_one_can_be_added_the_same_way()
    {
        foreach (var text in new[] { "hi", "1", "giao thong", "Đường Lê Lợi đoạn trước số 120 có ổ gà lớn, xe máy dễ ngã, đề nghị sửa sớm.", "bỏ qua", "Nguyễn Văn An", "0912 345 678", "có", "0100109106", "không" })
        {
            await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Contains("0100109106", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        await SayAsync("mã số thuế");
        Assert.Equal(Texts.Render("intake.tax.ask"), Last);
        await SayAsync("quay lại"); // keeps the earlier answer: still tax-related, and its code is asked again
        Assert.Equal(Texts.Render("intake.taxCode.ask"), Last);
        await SayAsync("quay lại");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Contains("0100109106", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        await SayAsync("mã số thuế");
        await SayAsync("không");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last); // straight back to the summary, not the on-behalf question
        Assert.DoesNotContain("0100109106", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        await SayAsync("thuế");
        Assert.Equal(Texts.Render("intake.taxCode.ask"), Last); // none now: adding one asks for it straight away
        await SayAsync("0100109106");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Contains("0100109106", _sender.Texts[^2], StringComparison.Ordinal);

        await SayAsync("sửa");
        await SayAsync("mst");
        await SayAsync("không");
        await SayAsync("gửi");
        Assert.Null(Assert.Single(_desk.Filed).Citizen.TaxCode);
    }

    [Fact]
    public async Task A_location_sent_first_asks_for_photos_and_keeping_it_private_is_an_answer_to_the_summary_Art7_3()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SendAsync(Messages.WithLocation("u1", 19.8, 105.78));
        Assert.Equal(Texts.Render("intake.evidence.more"), Last);
        await SayAsync("Xong");
        Assert.Equal(Texts.Render("intake.name.ask"), Last);
        foreach (var text in new[] { "Trần Thị Bình", "0912345678", "khong", "khong" })
        {
            await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        Assert.Contains("- Vị trí: " + Texts.Render("summary.shared"), _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Contains("- Ảnh/tệp: " + Texts.Render("summary.none"), _sender.Texts[^2], StringComparison.Ordinal);

        // Photos can still be added from the summary, one message each (as Zalo sends them), and the location is kept.
        await SayAsync("sửa");
        await SayAsync("ảnh");
        Assert.Equal(Texts.Render("intake.evidence.ask"), Last);
        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/rac.jpg"));
        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/rac-2.jpg"));
        Assert.Equal(Texts.Render("intake.evidence.more"), Last);
        await SayAsync("xong");
        Assert.Contains("- Ảnh/tệp: 2", _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Contains("- Vị trí: " + Texts.Render("summary.shared"), _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);

        // "Quay lại" from the edit question is the summary again; a tax code can be added from it.
        await SayAsync("sửa");
        await SayAsync("quay lại");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        await SayAsync("sửa");
        await SayAsync("mã số thuế");
        Assert.Equal(Texts.Render("intake.taxCode.ask"), Last);
        await SayAsync("0100109106");
        Assert.Contains("- Mã số thuế: 0100109106", _sender.Texts[^2], StringComparison.Ordinal);
        await SayAsync("giu kin");

        var filed = Assert.Single(_desk.Filed);
        Assert.True(filed.Confidential);
        Assert.Equal(19.8, filed.Location!.Latitude);
        Assert.Equal(["https://cdn.example.test/rac.jpg", "https://cdn.example.test/rac-2.jpg"], filed.Attachments.Select(a => a.Url));
        Assert.Equal("0100109106", filed.Citizen.TaxCode);
    }

    [Theory]
    [InlineData("phuc dap", "rebut.none")]
    [InlineData("Đánh giá", "rate.none")]
    public async Task Rebutting_and_rating_can_be_asked_for_from_the_menu_not_only_by_a_notice_button(string text, string expected)
    {
        await SayAsync("xin chào");
        await SayAsync(text);

        Assert.Equal(Texts.Render(expected), Last);
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("trợ giúp")]
    public async Task Asking_for_the_menu_between_dialogs_shows_it_with_its_buttons(string text)
    {
        await SayAsync(text);

        Assert.Equal([Texts.Render("global.help"), Texts.Render("menu.ask")], _sender.Texts.TakeLast(2));
        Assert.Contains("Gửi phản ánh", _sender.Sent[^1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Photos_then_a_location_move_on_and_text_at_the_photo_question_does_not_end_the_intake()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/1.jpg"));
        foreach (var text in new[] { "thêm ảnh nữa nhé", "à còn nữa", "quên" })
        {
            await SayAsync(text);
        }

        Assert.Equal([Texts.Render("prompt.movedOn"), Texts.Render("intake.name.ask")], _sender.Texts.TakeLast(2));
        foreach (var text in new[] { "Trần Thị Bình", "0912345678", "khong", "khong", "gửi" })
        {
            await SayAsync(text);
        }

        Assert.Equal("https://cdn.example.test/1.jpg", Assert.Single(Assert.Single(_desk.Filed).Attachments).Url);
    }

    [Fact]
    public async Task A_photo_sent_by_mistake_is_taken_away_from_the_summary_with_khong()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/nham.jpg"));
        foreach (var text in new[] { "xong rồi ạ", "Trần Thị Bình", "0912345678", "khong", "khong", "sửa", "ảnh", "thôi" })
        {
            await SayAsync(text);
        }

        Assert.Contains("- Ảnh/tệp: 1", _sender.Texts[^2], StringComparison.Ordinal); // "thôi" keeps it
        foreach (var text in new[] { "sửa", "ảnh", "không" })
        {
            await SayAsync(text);
        }

        Assert.Contains($"- Ảnh/tệp: {Texts.Render("summary.none")}", _sender.Texts[^2], StringComparison.Ordinal);
        await SayAsync("gửi");
        Assert.Empty(Assert.Single(_desk.Filed).Attachments);
    }

    [Fact]
    public async Task A_location_after_photos_ends_the_question()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/1.jpg"));
        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/2.jpg"));
        await SendAsync(Messages.WithLocation("u1", 19.8, 105.78));

        Assert.Equal(Texts.Render("intake.name.ask"), Last);
    }

    [Fact]
    public async Task Changing_one_answer_from_the_summary_never_loses_the_intake()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SendAsync(Messages.WithAttachment("u1", "https://cdn.example.test/1.jpg"));
        foreach (var text in new[] { "xong", "Trần Thị Bình", "0912345678", "co", "012345678901" })
        {
            await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.taxCode.retry"), Last); // 12 digits that are no personal ID: refused here, not at filing
        foreach (var text in new[] { "0100109106", "khong" })
        {
            await SayAsync(text);
        }

        // Content: answers it cannot take until the retries run out, and the earlier one stays.
        await SayAsync("sửa");
        await SayAsync("nội dung");
        foreach (var text in new[] { "😀😀😀", "🙂🙂🙂", "👍👍👍", "🙏🙏🙏" }) // the content question allows three retries
        {
            await SayAsync(text);
        }

        Assert.Equal([Texts.Render("prompt.editKept"), Texts.Render("intake.confirm.ask")], new[] { _sender.Texts[^3], Last });

        // Phone, named at the summary: "quay lại" keeps it; photos: skipping keeps the one sent.
        await SayAsync("sửa số điện thoại");
        Assert.Equal(Texts.Render("intake.phone.ask"), Last);
        await SayAsync("quay lại");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);

        // The summary's own words for "Sửa" (dialogs/prompts.yaml) name a field too, punctuated or not.
        await SayAsync("Đổi tên");
        Assert.Equal(Texts.Render("intake.name.ask"), Last);
        await SayAsync("quay lại");
        await SayAsync("sửa lại, số điện thoại");
        Assert.Equal(Texts.Render("intake.phone.ask"), Last);
        await SayAsync("quay lại");
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        await SayAsync("sửa");
        await SayAsync("ảnh");
        await SayAsync("bỏ qua");
        Assert.Contains("- Ảnh/tệp: 1", _sender.Texts[^2], StringComparison.Ordinal);

        // On someone's behalf: answers it cannot take until the retries run out keep the earlier "no".
        await SayAsync("sửa");
        await SayAsync("gửi thay");
        for (var tries = 0; Last != Texts.Render("intake.confirm.ask") && tries < 6; tries++)
        {
            await SayAsync("🙂");
        }

        Assert.Equal([Texts.Render("prompt.editKept"), Texts.Render("intake.confirm.ask")], new[] { _sender.Texts[^3], Last });
        Assert.Contains("- Gửi thay: không", _sender.Texts[^2], StringComparison.Ordinal);

        // Sending on someone's behalf, decided from the summary: its questions in full, then the summary again.
        await SayAsync("sửa");
        await SayAsync("gửi thay");
        Assert.Equal(Texts.Render("intake.proxy.ask"), Last);
        foreach (var text in new[] { "có", "đồng ý", "Lê Thị Mai", "Số 5 Lê Lợi, phường Hạc Thành", "0987654321", "Mẹ tôi cao tuổi" })
        {
            await SayAsync(text);
        }

        Assert.Contains("- Gửi thay: Lê Thị Mai, Số 5 Lê Lợi, phường Hạc Thành, +84987654321; lý do: Mẹ tôi cao tuổi", _sender.Texts[^2], StringComparison.Ordinal);
        Assert.Equal(Texts.Render("intake.confirm.ask"), Last);
        await SayAsync("gửi");

        Assert.Equal(Texts.Render("intake.filed", FakeCaseDesk.FiledValues("TH-0001")), Last);
        var filed = Assert.Single(_desk.Filed);
        Assert.Equal("Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than.", filed.Content);
        Assert.Equal("+84912345678", filed.Citizen.Phone);
        Assert.Equal("0100109106", filed.Citizen.TaxCode);
        Assert.Single(filed.Attachments);
        Assert.Equal("Lê Thị Mai", filed.Citizen.Proxy!.Name);
    }

    [Fact]
    public async Task Skipping_the_evidence_question_asks_neither_photos_nor_location()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than.", "bỏ qua" })
        {
            await SayAsync(text);
        }

        Assert.Equal(Texts.Render("intake.name.ask"), Last);
        foreach (var text in new[] { "Trần Thị Bình", "0912345678", "khong", "khong", "gửi" })
        {
            await SayAsync(text);
        }

        var filed = Assert.Single(_desk.Filed);
        Assert.False(filed.Confidential);
        Assert.Empty(filed.Attachments);
        Assert.Null(filed.Location);
    }

    [Fact]
    public async Task Sending_on_behalf_without_consent_files_nothing_Art7_7()
    {
        foreach (var text in new[] { "hi", "1", "moi truong", "Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than." })
        {
            await SayAsync(text);
        }

        await SayAsync("bo qua");
        Assert.Equal(Texts.Render("intake.name.ask"), Last);
        await SayAsync("Trần Thị Bình");
        await SayAsync("0912345678");
        await SayAsync("khong");
        Assert.Equal(Texts.Render("intake.proxy.ask"), Last);
        await SayAsync("có");
        Assert.Equal(Texts.Render("intake.proxy.consent"), Last);
        await SayAsync("chưa");

        Assert.Equal(Texts.Render("intake.proxy.noConsent"), Last);
        Assert.Empty(_desk.Filed);
        await SayAsync("lại");
        Assert.Equal(Texts.Render("menu.ask"), Last);
    }

    [Fact]
    public async Task Complaints_and_denunciations_are_explained_not_filed_Art1_2()
    {
        foreach (var text in new[] { "hi", "gui phan anh", "thuế" })
        {
            await SayAsync(text);
        }

        await SayAsync("Tôi muốn tố cáo cán bộ phường X nhận hối lộ khi làm thủ tục đất đai.");

        Assert.Equal(Texts.Render("intake.content.outOfScope"), Last);
    }

    [Fact]
    public async Task New_member_is_welcomed()
    {
        var update = Messages.From("u9", null);
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount { Id = "u9" }];

        await SendAsync(update);

        Assert.Equal(Texts.Render(MessageKeys.Welcome), Last);
    }
}
