using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Tests.Dialogs;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.Definitions;

public sealed class NoticeRendererTests
{
    [Fact]
    public async Task Rejection_notice_tells_the_code_and_the_reason()
    {
        var renderer = new NoticeRenderer(TestTexts.Create());

        var message = await renderer.RenderAsync(Notice.Of(NoticeKind.Rejected, "TH-0042", ("reason", "nội dung trùng lặp")), CancellationToken.None);

        Assert.Equal("Phản ánh TH-0042 không được tiếp nhận. Lý do: nội dung trùng lặp.", message.Text);
    }
}

public sealed class NoticeTemplateTests
{
    private static readonly NoticeRenderer Renderer = new(TestTexts.Create(), new Intake.FakeDirectory());

    /// <summary>The values each kind carries, as the workflow's CaseWorkflow writes them.</summary>
    public static TheoryData<NoticeKind, string[]> Kinds() => new()
    {
        { NoticeKind.Filed, ["deadline"] },
        { NoticeKind.Accepted, ["agency", "deadline"] },
        { NoticeKind.InfoRequested, ["message"] },
        { NoticeKind.Rejected, ["reason"] },
        { NoticeKind.Delayed, ["reason", "deadline"] },
        { NoticeKind.Published, ["answer", "deadline"] },
        { NoticeKind.AnswerCancelled, ["reason"] },
        { NoticeKind.RebuttalReceived, [] },
        { NoticeKind.RebuttalAnswered, ["answer"] },
        { NoticeKind.Closed, ["kind", "reason"] },
        { NoticeKind.Completed, [] },
        { NoticeKind.WindowClosing, ["until"] },
    };

    [Fact]
    public void Every_notice_kind_is_covered_here() => Assert.Equal(Enum.GetValues<NoticeKind>().Length, Kinds().Count);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_notice_kind_renders_its_values_with_nothing_left_unfilled(NoticeKind kind, string[] names)
    {
        var notice = Notice.Of(kind, "TH-7K3M-9Q2A", [.. names.Select(n => (n, n == "deadline" ? "16/03/2026" : "giá trị " + n))]);

        var message = await Renderer.RenderAsync(notice, CancellationToken.None);

        Assert.Contains("TH-7K3M-9Q2A", message.Text, StringComparison.Ordinal);
        Assert.Empty(MessageCatalog.VariablesOf(message.Text!));
    }

    [Fact]
    public async Task Published_notice_offers_rate_and_rebut_and_info_request_offers_supplement()
    {
        var published = await Renderer.RenderAsync(Notice.Of(NoticeKind.Published, "TH-1", ("answer", "Đã sửa."), ("deadline", "2026-03-16")), CancellationToken.None);
        var asked = await Renderer.RenderAsync(Notice.Of(NoticeKind.InfoRequested, "TH-1", ("message", "ảnh")), CancellationToken.None);
        var rejected = await Renderer.RenderAsync(Notice.Of(NoticeKind.Rejected, "TH-1", ("reason", "trùng")), CancellationToken.None);

        Assert.Equal(["rate:TH-1", "rebut:TH-1"], published.SuggestedActions!.Actions.Select(a => a.Value!.Value.GetString()));
        Assert.Contains("16/03/2026", published.Text, StringComparison.Ordinal);
        Assert.Equal(["supplement:TH-1"], asked.SuggestedActions!.Actions.Select(a => a.Value!.Value.GetString()));
        Assert.Null(rejected.SuggestedActions);
    }

    [Fact]
    public async Task Window_reminder_offers_one_tap_to_see_the_case_and_shows_no_raw_time()
    {
        var reminder = await Renderer.RenderAsync(
            Notice.Of(NoticeKind.WindowClosing, "TH-1", ("until", "2026-12-02T08:30:00.0000000+00:00")), CancellationToken.None);

        Assert.Equal(["lookup:TH-1"], reminder.SuggestedActions!.Actions.Select(a => a.Value!.Value.GetString()));
        Assert.DoesNotContain("2026", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_notice_names_the_agency_not_its_code()
    {
        var directory = new Intake.FakeDirectory();
        await directory.AddAgencyAsync(new Workflow.Directory.Agency("SXD", "Sở Xây dựng"), CancellationToken.None);
        var renderer = new NoticeRenderer(TestTexts.Create(), directory);

        var message = await renderer.RenderAsync(Notice.Of(NoticeKind.Accepted, "TH-1", ("agency", "SXD"), ("deadline", "16/03/2026")), CancellationToken.None);

        Assert.Contains("Sở Xây dựng", message.Text, StringComparison.Ordinal);
    }
}
