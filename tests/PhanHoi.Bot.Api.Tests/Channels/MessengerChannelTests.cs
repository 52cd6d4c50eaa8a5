using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Directory;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>A citizen on Messenger, through /webhooks/facebook, the inbox, the turn pipeline and the fake Send API.</summary>
public abstract class MessengerChannelTests(Store store) : IAsyncLifetime
{
    private const string Psid = "24681357924680135";
    private ChannelHost channel = null!;

    private FakePlatforms Graph => channel.Platforms;

    public async Task InitializeAsync() => channel = await ChannelHost.StartAsync(store);

    public async Task DisposeAsync() => await channel.DisposeAsync();

    /// <summary>Posts the same signed delivery <paramref name="times"/> times, as Meta does when an ack is slow.</summary>
    private async Task PostAsync(string batch, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await channel.FacebookPostAsync(batch)).StatusCode);
        }
    }

    private string Text(string text) => ChannelHost.Batch(channel.Messaging(Psid, "message", new { mid = "m_" + channel.NextId(), text }));

    private string QuickReply((string Title, string Payload) button) =>
        ChannelHost.Batch(channel.Messaging(Psid, "message", new { mid = "m_" + channel.NextId(), text = button.Title, quick_reply = new { payload = button.Payload } }));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Citizen_files_a_PAKN_on_Messenger_and_a_redelivered_event_files_once_and_replies_once(int deliveries)
    {
        await PostAsync(ChannelHost.Batch(channel.Messaging(Psid, "postback", new { mid = "m_" + channel.NextId(), title = "Bắt đầu", payload = "GET_STARTED" })), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("global.welcome"));

        await PostAsync(Text("Xin chào"), deliveries);
        var menu = (await Graph.ExpectSequenceAsync(Psid, channel.Text("menu.ask")))[0];
        Assert.Equal("RESPONSE", menu["messaging_type"]!.GetValue<string>());
        await PostAsync(QuickReply(ConversationScript.QuickReplies(menu).Single(q => q.Title == "Gửi phản ánh")), deliveries);
        var category = (await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.start"), channel.Text("intake.category.ask")))[1];
        await PostAsync(QuickReply(ConversationScript.QuickReplies(category)[0]), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.content.ask"));
        await PostAsync(Text("Rác thải tồn đọng nhiều ngày ở đầu ngõ 5 phố Hàng Than, bốc mùi ảnh hưởng sức khỏe người dân."), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.evidence.ask"));
        await PostAsync(ChannelHost.Batch(channel.Messaging(Psid, "message", new
        {
            mid = "m_" + channel.NextId(),
            attachments = new[] { new { type = "image", payload = new { url = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17" } } },
        })), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.evidence.more"));
        await PostAsync(Text("xong"), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.name.ask"));
        await PostAsync(Text("Trần Thị Bình"), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.phone.ask"));
        await PostAsync(Text("0912 345 678"), deliveries);
        var tax = (await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.tax.ask")))[0];
        var no = ConversationScript.QuickReplies(tax).Single(q => q.Title == channel.Text("prompt.no"));
        await PostAsync(QuickReply(no), deliveries);
        await Graph.ExpectSequenceAsync(Psid, channel.Text("intake.proxy.ask"));
        await PostAsync(QuickReply(no), deliveries);
        var confirm = (await Graph.ExpectSequenceAsync(Psid, null, channel.Text("intake.confirm.ask")))[1];
        await PostAsync(QuickReply(ConversationScript.QuickReplies(confirm).Single(q => q.Title == "Gửi")), deliveries);

        // One message on filing: the code and the triage deadline (no separate "filed" notice from the outbox).
        var confirmation = await Graph.NextAsync(Psid);
        var filed = Assert.Single(await channel.Host.Services.GetRequiredService<ICaseRepository>()
            .ListByCitizenAsync(new CitizenAddress("facebook", Psid), 10, CancellationToken.None));
        Assert.Equal(channel.Text("intake.filed", FilingText.Of(filed)), FakePlatforms.Text(confirmation));
        Assert.Equal("RESPONSE", confirmation["messaging_type"]!.GetValue<string>());
        Assert.Equal(CaseChannel.Facebook, filed.Channel);
        Assert.Equal("Trần Thị Bình", filed.Citizen.Name);
        Assert.Equal("+84912345678", filed.Citizen.Phone);
        // Meta's CDN cannot be reached from here: the photo could not be copied, so the case keeps the platform's link.
        Assert.Equal("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17", Assert.Single(filed.Attachments).Url);

        Assert.Empty(await channel.Host.Services.GetRequiredService<IOutboxStore>().ListForCaseAsync(filed.Id, CancellationToken.None));
        await Graph.ExpectQuietAsync(Psid);
    }

    [Fact]
    public async Task A_notice_outside_the_24_hour_window_is_held_and_delivered_when_the_citizen_writes_again()
    {
        Graph.CloseWindow(Psid);
        var filed = await channel.FileAsync(new CitizenAddress("facebook", Psid), CaseChannel.Facebook);

        var outbox = channel.Host.Services.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 100 && (await outbox.ListForCaseAsync(filed.Id, CancellationToken.None)).All(m => m.Status != OutboxStatus.Held); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(OutboxStatus.Held, Assert.Single(await outbox.ListForCaseAsync(filed.Id, CancellationToken.None)).Status);
        Assert.Empty(Graph.Drain(Psid));
        using var reception = await channel.Host.LoginAsync("tiepnhan");
        var whileHeld = Assert.Single((await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{filed.Code}/notices"))!)!;
        Assert.Equal(("filed", "held", "facebook"), (whileHeld["kind"]!.GetValue<string>(), whileHeld["status"]!.GetValue<string>(), whileHeld["channel"]!.GetValue<string>()));
        Assert.Contains("window", whileHeld["lastError"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(filed.Code, whileHeld["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Psid, whileHeld.ToJsonString(), StringComparison.Ordinal);

        Graph.OpenWindow(Psid); // the citizen writes: Meta reopens the window
        Assert.Equal(HttpStatusCode.OK, (await channel.FacebookTextAsync(Psid, "Xin chào")).StatusCode);

        await Graph.ExpectSequenceAsync(Psid, channel.Text("menu.ask")); // the reply first, then what was held
        var notice = await Graph.NextAsync(Psid);
        Assert.Contains(filed.Code, FakePlatforms.Text(notice), StringComparison.Ordinal);
        Assert.Equal("UPDATE", notice["messaging_type"]!.GetValue<string>()); // a notice, not a reply
        await Graph.ExpectQuietAsync(Psid);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await outbox.ListForCaseAsync(filed.Id, CancellationToken.None)).Status);
        var afterwards = Assert.Single((await reception.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{filed.Code}/notices"))!)!;
        Assert.Equal("sent", afterwards["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_citizen_whose_case_is_open_is_reminded_once_before_the_24_hour_window_closes_and_one_tap_keeps_them_informed()
    {
        Assert.Equal(HttpStatusCode.OK, (await channel.FacebookTextAsync(Psid, "Xin chào")).StatusCode); // 09:00, Monday
        await Graph.ExpectSequenceAsync(Psid, channel.Text("menu.ask"));
        var filed = await channel.FileAsync(new CitizenAddress("facebook", Psid), CaseChannel.Facebook);
        Assert.Contains(filed.Code, FakePlatforms.Text(await Graph.NextAsync(Psid)), StringComparison.Ordinal); // the "filed" notice

        // The window closes at 09:00 on Tuesday; reminders go out from 15 hours on, but not before 06:00 local time.
        channel.Host.Clock.Advance(TimeSpan.FromHours(20)); // 05:00: still night
        await Task.Delay(300);
        Assert.Empty(Graph.Drain(Psid));
        var reminder = await channel.AdvanceUntilSentAsync(Psid, TimeSpan.FromMinutes(1), 90); // from 06:00

        Assert.Equal(channel.Text("notice.windowClosing", new Dictionary<string, string> { ["code"] = filed.Code }), FakePlatforms.Text(reminder));
        Assert.Equal("UPDATE", reminder["messaging_type"]!.GetValue<string>());
        var lookup = Assert.Single(ConversationScript.QuickReplies(reminder));
        Assert.Equal(channel.Text("button.lookup"), lookup.Title);
        channel.Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Graph.ExpectQuietAsync(Psid); // once per message the citizen sent

        await PostAsync(QuickReply(lookup), 1);
        var status = FakePlatforms.Text(await Graph.NextAsync(Psid));
        Assert.Contains(filed.Code, status, StringComparison.Ordinal);
        Assert.Contains(channel.Text("state.submitted"), status, StringComparison.Ordinal);
        Assert.Equal(
            OutboxStatus.Sent,
            Assert.Single(await channel.Host.Services.GetRequiredService<IOutboxStore>().ListForCaseAsync(filed.Id, CancellationToken.None),
                m => m.Notice.Kind == NoticeKind.WindowClosing).Status);
    }

    [Fact]
    public async Task Batched_events_of_two_citizens_are_each_answered_in_order()
    {
        const string Other = "7777777777777777";
        var batch = ChannelHost.Batch(
            channel.Messaging(Psid, "message", new { mid = "m_b1", text = "Xin chào" }),
            channel.Messaging(Other, "message", new { mid = "m_b2", text = "Xin chào" }),
            channel.Messaging(Psid, "read", new { watermark = 1772400000000 }),
            channel.Messaging(Psid, "message", new { mid = "m_b3", text = "Gửi phản ánh" }));

        await PostAsync(batch, 1);

        await Graph.ExpectSequenceAsync(Psid, channel.Text("menu.ask"), channel.Text("intake.start"), channel.Text("intake.category.ask"));
        await Graph.ExpectSequenceAsync(Other, channel.Text("menu.ask"));
    }
}

public sealed class MessengerChannelSqliteTests() : MessengerChannelTests(Store.Sqlite);

public sealed class MessengerChannelPostgresTests() : MessengerChannelTests(Store.Postgres);
