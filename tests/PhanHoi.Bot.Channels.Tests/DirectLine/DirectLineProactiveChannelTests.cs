using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Tests.DirectLine;

/// <summary>Case notices in an open web chat page, in order with the turn that caused them.</summary>
public sealed class DirectLineProactiveChannelTests
{
    [Fact]
    public async Task A_notice_waits_for_the_turn_holding_the_conversation_so_it_comes_after_that_turn_s_replies()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new DirectLineOptions());
        var store = new InProcessDirectLineConversationStore(options, new ConversationSignals(), clock);
        var addressing = new DirectLineActivities(options, clock);
        var conversationLock = new InProcessConversationLock(TimeSpan.FromSeconds(30));
        await store.StartAsync("c1", "dl_u", default);
        await store.ReadAsync("c1", 0, default); // the page is open
        var channel = new DirectLineProactiveChannel(store, addressing, conversationLock);

        var turn = await conversationLock.AcquireAsync("webchat:c1", default); // a turn filing a case
        var notice = channel.SendAsync(new CitizenAddress("webchat", "dl_u"), [Activity.CreateMessage("Phản ánh sẽ được xem xét tiếp nhận")], default);
        await Task.Delay(100);
        Assert.False(notice.IsCompleted);
        await store.AppendAsync("c1", addressing.FromBot(Activity.CreateMessage("Đã tiếp nhận, mã TH-AAAA-0001"), "c1", "dl_u"), default);
        await turn.DisposeAsync();

        Assert.Equal(SendOutcome.Sent, (await notice).Outcome);
        var log = (await store.ReadAsync("c1", 0, default))!.Activities;
        Assert.Equal(["Đã tiếp nhận, mã TH-AAAA-0001", "Phản ánh sẽ được xem xét tiếp nhận"], log.Select(a => a.Text));
    }
}
