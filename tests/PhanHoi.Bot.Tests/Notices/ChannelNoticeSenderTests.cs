using PhanHoi.Bot.Tests.FollowUp;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.Notices;

/// <summary>The outbox asks whether an interrupted notice already reached the citizen: it renders it and asks the channel.</summary>
public sealed class ChannelNoticeSenderTests : IDisposable
{
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task A_notice_counts_as_shown_once_the_citizens_channel_shows_its_rendered_text()
    {
        var filed = Notice.Of(NoticeKind.Filed, "TH-CCCC-0001", ("deadline", "02/12/2026"));
        var other = Notice.Of(NoticeKind.Filed, "TH-CCCC-0002", ("deadline", "02/12/2026"));

        Assert.False(await _chat.WasShownAsync(filed));
        Assert.Equal(_chat.Time.GetUtcNow(), _chat.Channel.AskedSince); // looked for from when the notice was queued
        await _chat.NotifyAsync(filed);

        Assert.True(await _chat.WasShownAsync(filed));
        Assert.False(await _chat.WasShownAsync(other));
    }
}
