using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// An instance killed after the platform took a turn's replies but before it marked the message done: after the
/// restart the message is handled again. The inbox worker here only wakes when told (no polling), so the test decides
/// which instance holds what.
/// </summary>
public abstract class ZaloRestartTests(Store store, IDictionary<string, string?> settings) : IAsyncLifetime
{
    private const string User = "2468458835296197931";
    private static readonly CancellationToken None = CancellationToken.None;
    private ChannelHost channel = null!;
    private DeadInstance dead = null!;

    private FakePlatforms Zalo => channel.Platforms;

    public async Task InitializeAsync()
    {
        channel = await ChannelHost.StartAsync(store, new Dictionary<string, string?>(settings) { ["Inbox:PollInterval"] = "01:00:00" });
        dead = new DeadInstance(channel, ZaloEventParser.Channel);
    }

    public async Task DisposeAsync() => await channel.DisposeAsync();

    [Fact]
    public async Task Replies_the_citizen_answered_before_the_restart_are_not_sent_again_and_the_answer_is_handled()
    {
        await GreetAsync();

        // The instance that died had taken "Gửi phản ánh" from the inbox (its lease still runs), saved the turn and
        // delivered its replies; the citizen saw the category question.
        var (held, deadTurn) = await HandledByDeadInstanceAsync("z-delivered-1", "Gửi phản ánh");
        var seen = dead.Platform.Render(User, deadTurn.Activities, isReply: true);
        var category = ConversationScript.ZaloButtons(JsonNode.Parse(seen[^1])!["message"]!)[0];

        // The citizen answers it; the restarted instance acknowledges the answer, queued behind the held message.
        Assert.Equal(HttpStatusCode.OK, (await channel.ZaloTextAsync(User, category.Payload)).StatusCode);
        Assert.NotEmpty(await Inbox.LaterMessageIdsAsync(held.ConversationKey, held.Id, None));
        await Zalo.ExpectQuietAsync(User, TimeSpan.FromMilliseconds(300));

        // The dead instance's lease ends: the held message is handed out again, its replies are not repeated, and the
        // citizen's answer moves the dialog on.
        LeaseEnds();

        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.content.ask"));
        await Zalo.ExpectQuietAsync(User);
        Assert.Equal(0, await Inbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Replies_of_a_message_handled_before_the_restart_go_out_again_when_the_citizen_has_not_written_since()
    {
        await GreetAsync();

        await HandledByDeadInstanceAsync("z-undelivered-1", "Gửi phản ánh");

        LeaseEnds();

        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask"));
        await Zalo.ExpectQuietAsync(User);
    }

    [Fact]
    public async Task Of_a_turn_cut_off_between_its_two_messages_only_the_second_goes_out_after_the_restart()
    {
        await GreetAsync();

        // The instance that died had sent the first of the turn's two messages (and recorded that), not the second.
        var (held, deadTurn) = await HandledByDeadInstanceAsync("z-half-1", "Gửi phản ánh");
        Assert.Equal(2, deadTurn.Activities.Count);
        await Inbox.RecordDeliveredAsync(held.Id, 1, None);

        LeaseEnds();

        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.category.ask"));
        await Zalo.ExpectQuietAsync(User);
    }

    [Fact]
    public async Task Replies_the_platform_took_just_before_the_crash_are_not_sent_again_as_its_history_shows_them()
    {
        await GreetAsync();

        // The instance that died had delivered both replies and was killed before it could record either.
        var (_, deadTurn) = await HandledByDeadInstanceAsync("z-shown-1", "Gửi phản ánh");
        await DeliverAsync(deadTurn, count: 2);

        LeaseEnds();

        await Zalo.ExpectQuietAsync(User);
        Assert.Equal(0, await Inbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Of_replies_cut_off_before_anything_was_recorded_only_those_missing_from_the_history_go_out()
    {
        await GreetAsync();

        var (_, deadTurn) = await HandledByDeadInstanceAsync("z-shown-half-1", "Gửi phản ánh");
        await DeliverAsync(deadTurn, count: 1);

        LeaseEnds();

        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.category.ask"));
        await Zalo.ExpectQuietAsync(User);
    }

    [Fact]
    public async Task Replies_go_out_again_when_the_platform_history_cannot_be_read_better_twice_than_never()
    {
        await GreetAsync();

        var (_, deadTurn) = await HandledByDeadInstanceAsync("z-unreadable-1", "Gửi phản ánh");
        await DeliverAsync(deadTurn, count: 2);
        Zalo.HistoryUnavailable = true;

        LeaseEnds();

        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask"));
        await Zalo.ExpectQuietAsync(User);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_follow_up_cut_off_by_a_crash_goes_out_once_whether_or_not_the_platform_took_it(bool platformTookIt)
    {
        await GreetAsync();

        // The dead instance delivered the first reply, the platform failed on the second: that one became a follow-up,
        // which the dead instance then took (and, maybe, got to the platform) before it was killed.
        var (held, deadTurn) = await HandledByDeadInstanceAsync(platformTookIt ? "z-follow-took-1" : "z-follow-lost-1", "Gửi phản ánh");
        await DeliverAsync(deadTurn, count: 1);
        var rest = dead.Platform.Render(User, deadTurn.Activities, isReply: true)[1];
        await dead.FollowUpAsync(held, User, rest);
        if (platformTookIt)
        {
            Assert.True((await dead.Platform.DeliverAsync([rest], None)).Completed);
            Assert.Single(Zalo.Drain(User));
        }

        LeaseEnds();

        if (!platformTookIt)
        {
            await Zalo.ExpectSequenceAsync(User, channel.Text("intake.category.ask"));
        }

        await Zalo.ExpectQuietAsync(User);
        Assert.Equal(0, await Inbox.CountPendingAsync(None));
    }

    private IInboxStore Inbox => dead.Inbox;

    private void LeaseEnds() => dead.LeaseEnds();

    private Task DeliverAsync(TurnReplies deadTurn, int count) => dead.DeliverAsync(User, deadTurn, count);

    private async Task GreetAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await channel.ZaloTextAsync(User, "Xin chào")).StatusCode);
        await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask"));
        await Zalo.ExpectQuietAsync(User, TimeSpan.FromMilliseconds(300));
    }

    /// <summary>The citizen writes <paramref name="text"/>; the instance that died took it and ran its turn.</summary>
    private Task<(InboxItem Held, TurnReplies Turn)> HandledByDeadInstanceAsync(string messageId, string text)
    {
        Zalo.CitizenWrote(User, messageId, text);
        return dead.HandleAsync(Assert.Single(ZaloEventParser.Parse(JsonDocument.Parse(
            channel.ZaloUserEventJson(User, "user_send_text", new { msg_id = messageId, text })).RootElement).Events));
    }
}

public sealed class ZaloRestartSqliteTests() : ZaloRestartTests(Store.Sqlite, new Dictionary<string, string?>());

public sealed class ZaloRestartRedisInboxTests() : ZaloRestartTests(Store.Postgres, new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = TestServers.Redis,
    ["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    ["Inbox:Store"] = "Redis",
});
