using System.Net;
using System.Text.Json;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// On Messenger, an instance killed after the page sent a turn's replies but before it recorded them: after the
/// restart the replayed message asks the Conversations API what the citizen was shown.
/// </summary>
public abstract class MessengerRestartTests(Store store, IDictionary<string, string?> settings) : IAsyncLifetime
{
    private const string Psid = "24680135792468013";
    private ChannelHost channel = null!;
    private DeadInstance dead = null!;

    private FakePlatforms Graph => channel.Platforms;

    public async Task InitializeAsync()
    {
        channel = await ChannelHost.StartAsync(store, new Dictionary<string, string?>(settings) { ["Inbox:PollInterval"] = "01:00:00" });
        dead = new DeadInstance(channel, MessengerEventParser.Channel);
    }

    public async Task DisposeAsync() => await channel.DisposeAsync();

    [Fact]
    public async Task Replies_the_page_sent_just_before_the_crash_are_not_sent_again_as_the_thread_shows_them()
    {
        await GreetAsync();
        var (_, deadTurn) = await HandledByDeadInstanceAsync("m_shown-1", "Gửi phản ánh");
        await dead.DeliverAsync(Psid, deadTurn, count: 2);

        dead.LeaseEnds();

        await Graph.ExpectQuietAsync(Psid);
        Assert.Equal(0, await dead.Inbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replies_go_out_again_when_the_thread_cannot_be_read()
    {
        await GreetAsync();
        var (_, deadTurn) = await HandledByDeadInstanceAsync("m_unreadable-1", "Gửi phản ánh");
        await dead.DeliverAsync(Psid, deadTurn, count: 1);
        Graph.HistoryUnavailable = true;

        dead.LeaseEnds();

        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.start"), channel.Text("intake.category.ask"));
        await Graph.ExpectQuietAsync(Psid);
    }

    private async Task GreetAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await channel.FacebookTextAsync(Psid, "Xin chào")).StatusCode);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("menu.ask"));
        await Graph.ExpectQuietAsync(Psid, TimeSpan.FromMilliseconds(300));
    }

    private Task<(InboxItem Held, TurnReplies Turn)> HandledByDeadInstanceAsync(string mid, string text)
    {
        Graph.CitizenWrote(Psid, mid, text);
        var webhook = JsonDocument.Parse(ChannelHost.Batch(channel.Messaging(Psid, "message", new { mid, text }))).RootElement;
        return dead.HandleAsync(Assert.Single(MessengerEventParser.Parse(webhook, "GET_STARTED").Events));
    }
}

public sealed class MessengerRestartSqliteTests() : MessengerRestartTests(Store.Sqlite, new Dictionary<string, string?>());

public sealed class MessengerRestartRedisInboxTests() : MessengerRestartTests(Store.Postgres, new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = TestServers.Redis,
    ["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    ["Inbox:Store"] = "Redis",
});
