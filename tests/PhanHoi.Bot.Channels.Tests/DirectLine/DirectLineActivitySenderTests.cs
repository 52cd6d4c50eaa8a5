using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Channels.Tests.DirectLine;

/// <summary>A turn's replies in the web chat log, in the order Web Chat will show them.</summary>
public sealed class DirectLineActivitySenderTests
{
    [Fact]
    public async Task Replies_of_one_turn_are_stamped_a_millisecond_apart_after_the_message_they_answer_even_within_one_millisecond_and_over_several_sends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)); // time stands still
        var options = Options.Create(new DirectLineOptions());
        var store = new InProcessDirectLineConversationStore(options, new ConversationSignals(), clock);
        var addressing = new DirectLineActivities(options, clock);
        await store.StartAsync("c1", "dl_u", default);
        var citizen = addressing.FromUser(
            new Activity { Type = ActivityTypes.Message, Text = "Không" }, "c1", "dl_u", "http://localhost/", _ => false);
        await store.AppendAsync("c1", citizen, default);
        var sender = new DirectLineActivitySender(store, addressing);

        var turn = new TurnContext(citizen, sender);

        await sender.SendActivitiesAsync(turn, [Activity.CreateMessage("Ông/Bà vui lòng kiểm tra lại"), Activity.CreateTyping()], default);
        await sender.SendActivitiesAsync(turn, [Activity.CreateMessage("Gửi, sửa hay hủy?")], default); // the question, sent on its own

        var log = (await store.ReadAsync("c1", 0, default))!.Activities;
        Assert.Equal(["Không", "Ông/Bà vui lòng kiểm tra lại", "Gửi, sửa hay hủy?"], log.Select(a => a.Text));
        Assert.Equal(
            [clock.GetUtcNow(), clock.GetUtcNow().AddMilliseconds(1), clock.GetUtcNow().AddMilliseconds(2)],
            log.Select(a => a.Timestamp!.Value));
    }
}
