using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Credentials;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>A citizen on Zalo OA, through /webhooks/zalo, the inbox, the turn pipeline and the fake OA API.</summary>
public abstract class ZaloChannelTests(Store store, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private const string User = "2468458835296197922";
    private ChannelHost channel = null!;

    protected ChannelHost Channel => channel;

    private FakePlatforms Zalo => channel.Platforms;

    public async Task InitializeAsync() => channel = await ChannelHost.StartAsync(store, settings);

    public async Task DisposeAsync() => await channel.DisposeAsync();

    private static void Ok(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);

    [Fact]
    public async Task Citizen_files_a_PAKN_on_Zalo_with_photo_location_and_the_shared_info_card()
    {
        Ok(await channel.ZaloTextAsync(User, "Xin chào"));
        var menu = (await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask")))[0];
        var file = ConversationScript.ZaloButtons(menu).Single(b => b.Title == "Gửi phản ánh");

        Ok(await channel.ZaloTextAsync(User, file.Payload)); // an oa.query.show button sends its payload as the citizen's text
        var category = (await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask")))[1];
        Ok(await channel.ZaloTextAsync(User, ConversationScript.ZaloButtons(category)[0].Payload));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.content.ask"));
        Ok(await channel.ZaloTextAsync(User, "Đèn chiếu sáng trên đường Bà Triệu bị hỏng hơn một tuần, buổi tối rất tối và nguy hiểm."));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.evidence.ask"));
        Ok(await channel.ZaloImageAsync(User, $"{Zalo.BaseUrl}/media/den-hong.jpg"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.evidence.more"));
        Ok(await channel.ZaloLocationAsync(User, "19.8066", "105.7852")); // a location after the photos ends the question
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.name.ask"));

        // One "share information" card answers both the name and the phone question.
        Ok(await channel.ZaloSubmitInfoAsync(User, "Nguyễn Văn An", "84912345678"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.tax.ask"));
        Ok(await channel.ZaloTextAsync(User, "không"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.proxy.ask"));
        Ok(await channel.ZaloTextAsync(User, "không"));
        var summary = await Zalo.ExpectSequenceAsync(User, null, channel.Text("intake.confirm.ask"));
        Assert.Contains("+84912345678", FakePlatforms.Text(summary[0]), StringComparison.Ordinal);
        Ok(await channel.ZaloTextAsync(User, "Gửi"));

        // One message on filing: the code and the triage deadline (no separate "filed" notice from the outbox).
        var confirmation = await Zalo.NextAsync(User);
        var filed = Assert.Single(await channel.Host.Services.GetRequiredService<ICaseRepository>()
            .ListByCitizenAsync(new CitizenAddress("zalo", User), 10, CancellationToken.None));
        Assert.Equal(channel.Text("intake.filed", FilingText.Of(filed)), FakePlatforms.Text(confirmation));
        Assert.Equal(CaseChannel.Zalo, filed.Channel);
        Assert.Equal("Nguyễn Văn An", filed.Citizen.Name);
        Assert.Equal("+84912345678", filed.Citizen.Phone);
        // The platform's link expires: the case links to the service's own copy of the photo.
        var photo = Assert.Single(filed.Attachments).Url;
        Assert.StartsWith("/v3/directline/attachments/", photo, StringComparison.Ordinal);
        Assert.Equal(FakePlatforms.Photo, await channel.Client.GetByteArrayAsync(photo));
        Assert.Equal(19.8066, filed.Location!.Latitude, 4);

        await Zalo.ExpectQuietAsync(User);
        Assert.DoesNotContain(channel.Host.Logs.Lines, line => line.Contains("Nguyễn Văn An", StringComparison.Ordinal) || line.Contains("912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once_and_answered_once()
    {
        // Zalo re-sends an event whose acknowledgement was slow: before the answer and after it.
        var json = channel.ZaloUserEventJson(User, "user_send_text", new { msg_id = "z-redelivered-1", text = "Xin chào" });
        Ok(await channel.ZaloPostAsync(json));
        Ok(await channel.ZaloPostAsync(json));
        await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask"));
        Ok(await channel.ZaloPostAsync(json));

        await Zalo.ExpectQuietAsync(User);
        var inbox = channel.Host.Services.GetRequiredService<Workflow.Inbox.IInboxStore>();
        Assert.False(await inbox.AppendAsync("zalo", "z-redelivered-1", "zalo:" + User, "{}", channel.Host.Clock.GetUtcNow(), CancellationToken.None));
        Ok(await channel.ZaloTextAsync(User, "Gửi phản ánh"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask"));
    }

    [Fact]
    public async Task Expired_access_token_mid_conversation_is_refreshed_once_and_the_reply_still_arrives()
    {
        Ok(await channel.ZaloTextAsync(User, "Xin chào"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask"));

        Zalo.ExpireZaloToken();
        Ok(await channel.ZaloTextAsync(User, "Gửi phản ánh"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask"));
        Assert.Equal(1, Zalo.TokenRefreshes);

        var stored = await channel.Host.Services.GetRequiredService<ICredentialStore>().GetAsync("zalo:oa-tokens", CancellationToken.None);
        Assert.Contains("zalo-refresh-1", stored!.Value, StringComparison.Ordinal); // the rotated refresh token, stored before use

        Zalo.ExpireZaloToken();
        Ok(await channel.ZaloTextAsync(User, "hủy"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("global.cancelled"));
        Assert.Equal(2, Zalo.TokenRefreshes); // the second refresh used the rotated token (the fake accepts only that)
        await Zalo.ExpectQuietAsync(User);
    }

    [Fact]
    public async Task A_turn_saved_by_an_instance_killed_before_it_delivered_is_answered_once_after_the_restart()
    {
        Ok(await channel.ZaloTextAsync(User, "Xin chào"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask"));

        // The killed instance had taken "Gửi phản ánh" from the inbox and saved its turn, then died (kill -9) before
        // the replies went out and before it completed the item; after the restart the acknowledged item is due again.
        var json = channel.ZaloUserEventJson(User, "user_send_text", new { msg_id = "z-killed-1", text = "Gửi phản ánh" });
        var inbound = Assert.Single(ZaloEventParser.Parse(JsonDocument.Parse(json).RootElement).Events);
        var killedTurn = new TurnReplies();
        await channel.Host.Services.GetRequiredService<ActivityProcessor>().ProcessAsync(inbound.Activity, killedTurn, CancellationToken.None);
        Assert.Equal(2, killedTurn.Activities.Count);
        await Zalo.ExpectQuietAsync(User, TimeSpan.FromMilliseconds(200));

        Ok(await channel.ZaloPostAsync(json));

        var category = (await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask")))[1];
        await Zalo.ExpectQuietAsync(User);
        Ok(await channel.ZaloTextAsync(User, ConversationScript.ZaloButtons(category)[0].Payload));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.content.ask")); // the dialog moved once, not twice
    }

    [Fact]
    public async Task Replies_held_up_by_an_outage_arrive_once_after_recovery()
    {
        Zalo.FailNext(5); // 3 attempts in the first delivery, then 2 more after the first backoff
        Ok(await channel.ZaloTextAsync(User, "Xin chào"));

        System.Text.Json.Nodes.JsonNode? menu = null;
        for (var i = 0; i < 30 && menu is null; i++)
        {
            channel.Host.Clock.Advance(TimeSpan.FromSeconds(10)); // the inbox backoff runs on the application clock
            try
            {
                menu = await Zalo.NextAsync(User, TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException)
            {
                // still failing or not due yet
            }
        }

        Assert.NotNull(menu);
        Assert.StartsWith(channel.Text("menu.ask"), FakePlatforms.Text(menu), StringComparison.Ordinal); // six items: listed under the question, Zalo shows five buttons
        await Zalo.ExpectQuietAsync(User);

        Ok(await channel.ZaloTextAsync(User, "Gửi phản ánh"));
        await Zalo.ExpectSequenceAsync(User, channel.Text("intake.start"), channel.Text("intake.category.ask"));
    }

    [Fact]
    public async Task A_citizen_whose_case_is_open_is_reminded_on_the_last_day_of_the_7_day_window_with_a_button_to_see_it()
    {
        Ok(await channel.ZaloTextAsync(User, "Xin chào")); // 09:00, Monday
        await Zalo.ExpectSequenceAsync(User, channel.Text("menu.ask"));
        var filed = await channel.FileAsync(new CitizenAddress("zalo", User), CaseChannel.Zalo);
        Assert.Contains(filed.Code, FakePlatforms.Text(await Zalo.NextAsync(User)), StringComparison.Ordinal);

        channel.Host.Clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromMinutes(3)); // the window closes next Monday, 09:00
        var reminder = await channel.AdvanceUntilSentAsync(User, TimeSpan.FromMinutes(1), 10);

        Assert.True(channel.Host.Clock.GetUtcNow() >= new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.StartsWith(channel.Text("notice.windowClosing", new Dictionary<string, string> { ["code"] = filed.Code }), FakePlatforms.Text(reminder), StringComparison.Ordinal);
        Assert.Equal([(channel.Text("button.lookup"), "lookup:" + filed.Code)], ConversationScript.ZaloButtons(reminder));
        await Zalo.ExpectQuietAsync(User);
    }

    [Fact]
    public async Task Follow_is_welcomed_and_echoes_and_receipts_are_not_answered()
    {
        Ok(await channel.ZaloPostAsync($$"""{"app_id":"{{ChannelHost.ZaloAppId}}","oa_id":"{{ChannelHost.ZaloOaId}}","follower":{"id":"{{User}}"},"user_id_by_app":"552177279717587730","event_name":"follow","source":"oa_profile","timestamp":"1772400000789"}"""));
        await Zalo.ExpectSequenceAsync(User, channel.Text("global.welcome"));

        Ok(await channel.ZaloPostAsync($$$"""{"app_id":"{{{ChannelHost.ZaloAppId}}}","event_name":"oa_send_text","timestamp":"1772400000800","sender":{"id":"{{{ChannelHost.ZaloOaId}}}"},"recipient":{"id":"{{{User}}}"},"message":{"msg_id":"echo-1","text":"Xin chào Ông/Bà!"}}"""));
        Ok(await channel.ZaloPostAsync($$$"""{"app_id":"{{{ChannelHost.ZaloAppId}}}","event_name":"user_seen_message","timestamp":"1772400000900","sender":{"id":"{{{ChannelHost.ZaloOaId}}}"},"recipient":{"id":"{{{User}}}"},"message":{"msg_ids":["echo-1"]}}"""));
        await Zalo.ExpectQuietAsync(User);
    }
}

public sealed class ZaloChannelSqliteTests() : ZaloChannelTests(Store.Sqlite);

public sealed class ZaloChannelPostgresTests() : ZaloChannelTests(Store.Postgres);

/// <summary>The same citizen with the webhook inbox in the real Redis (<c>Inbox:Store=Redis</c>), cases in PostgreSQL.</summary>
public sealed class ZaloChannelRedisInboxTests() : ZaloChannelTests(Store.Postgres, new Dictionary<string, string?>
{
    ["ConnectionStrings:Redis"] = TestServers.Redis,
    ["Bot:RedisKeyPrefix"] = $"test:{Guid.NewGuid():N}:",
    ["Inbox:Store"] = "Redis",
})
{
    [Fact]
    public async Task The_inbox_is_in_Redis_and_drained_there()
    {
        var inbox = Channel.Host.Services.GetRequiredService<Workflow.Inbox.IInboxStore>();
        Assert.IsType<RedisInboxStore>(inbox);

        Assert.Equal(HttpStatusCode.OK, (await Channel.ZaloTextAsync("2468458835296197923", "Xin chào")).StatusCode);
        await Channel.Platforms.ExpectSequenceAsync("2468458835296197923", Channel.Text("menu.ask"));
        var pending = await inbox.CountPendingAsync(CancellationToken.None);
        for (var i = 0; i < 50 && pending > 0; i++)
        {
            await Task.Delay(20); // the item is completed just after its reply went out
            pending = await inbox.CountPendingAsync(CancellationToken.None);
        }

        Assert.Equal(0, pending);
    }
}
