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
