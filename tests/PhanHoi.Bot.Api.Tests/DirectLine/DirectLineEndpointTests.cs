using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Tests.DirectLine;

/// <summary>The Direct Line subset Web Chat uses, over plain HTTP against the real host (SQLite store).</summary>
public sealed class DirectLineEndpointTests : IAsyncLifetime
{
    private const string Greeting = "Xin chào Ông/Bà";
    private ApiHost host = null!;

    // Today's date: staff bearer tokens are checked against the real clock by the JWT handler.
    public async Task InitializeAsync() => host = await ApiHost.StartAsync(Store.Sqlite, DateTimeOffset.UtcNow);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_generated_token_opens_a_greeted_conversation_and_the_browser_keeps_its_user_id()
    {
        var browser = new DirectLineClient(host.CreateClient());
        var started = await browser.GenerateAsync();

        Assert.Equal(1800, started["expires_in"]!.GetValue<int>());
        Assert.StartsWith("dl_", browser.UserId, StringComparison.Ordinal);
        var greeting = await browser.WaitForBotTextAsync(Greeting);
        Assert.Equal("webchat", greeting["channelId"]!.GetValue<string>());
        Assert.Equal(browser.ConversationId, greeting["conversation"]!["id"]!.GetValue<string>());
        Assert.StartsWith(browser.ConversationId + "|", greeting["id"]!.GetValue<string>(), StringComparison.Ordinal);

        var firstUser = browser.UserId;
        var firstConversation = browser.ConversationId;
        await browser.GenerateAsync();
        Assert.Equal(firstUser, browser.UserId);
        Assert.NotEqual(firstConversation, browser.ConversationId);

        var otherBrowser = new DirectLineClient(host.CreateClient());
        await otherBrowser.GenerateAsync();
        Assert.NotEqual(firstUser, otherBrowser.UserId);
    }

    [Fact]
    public async Task A_token_for_one_conversation_can_neither_read_nor_post_to_another_403()
    {
        var alice = new DirectLineClient(host.CreateClient());
        var bob = new DirectLineClient(host.CreateClient());
        await alice.GenerateAsync();
        await bob.GenerateAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetActivitiesAsync(null, conversationId: bob.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostActivityAsync(new { type = "message", text = "xin chào" }, conversationId: bob.ConversationId)).StatusCode);
        var reconnect = await alice.Http.SendAsync(alice.Request(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}"));
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);

        var bobsLog = await bob.ReadNewAsync();
        Assert.DoesNotContain(bobsLog, a => a["from"]?["role"]?.GetValue<string>() == "user");
    }

    [Fact]
    public async Task A_missing_or_forged_token_is_401_and_an_expired_one_403()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        var parts = browser.Token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', 43)}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetActivitiesAsync(null, token: forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetActivitiesAsync(null, token: "nonsense")).StatusCode);
        var anonymous = await host.CreateClient().GetAsync($"/v3/directline/conversations/{browser.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsync("/v3/directline/tokens/refresh", null)).StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetActivitiesAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(browser.Request(HttpMethod.Post, "/v3/directline/tokens/refresh"))).StatusCode);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_and_user()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(15));

        var response = await browser.Http.SendAsync(browser.Request(HttpMethod.Post, "/v3/directline/tokens/refresh"));
        var refreshed = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(browser.ConversationId, refreshed["conversationId"]!.GetValue<string>());
        host.Clock.Advance(TimeSpan.FromMinutes(20)); // the old token has expired, the new one has not
        Assert.Equal(HttpStatusCode.OK, (await browser.GetActivitiesAsync(null, token: refreshed["token"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Starting_with_the_token_returns_its_conversation_with_a_stream_url()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();

        var response = await browser.Http.SendAsync(browser.Request(HttpMethod.Post, "/v3/directline/conversations"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(browser.ConversationId, body["conversationId"]!.GetValue<string>());
        var streamUrl = new Uri(body["streamUrl"]!.GetValue<string>());
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal($"/v3/directline/conversations/{browser.ConversationId}/stream", streamUrl.AbsolutePath);
        Assert.DoesNotContain(browser.Token, streamUrl.Query, StringComparison.Ordinal); // a short-lived stream token, not the conversation token
    }

    [Fact]
    public async Task A_posted_message_is_echoed_as_the_token_user_then_answered_and_watermarks_page_through_the_log()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        var afterGreeting = await browser.ReadNewAsync();
        Assert.Single(afterGreeting);

        var response = await browser.PostActivityAsync(new
        {
            type = "message",
            text = "Tra cứu",
            from = new { id = "webchat:someone-else", role = "user" },
            channelData = new { clientActivityID = "client-1" },
        });
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var next = await browser.ReadNewAsync();
        var echo = next[0];
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(browser.UserId, echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.NotNull(echo["timestamp"]);
        Assert.Contains(next.Skip(1), a => a["from"]!["role"]!.GetValue<string>() == "bot");

        var nothingNew = await browser.GetActivitiesAsync(browser.Watermark);
        var empty = (await nothingNew.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Empty(empty["activities"]!.AsArray());
        Assert.Equal(browser.Watermark, empty["watermark"]!.GetValue<string>());

        var fromStart = (await (await browser.GetActivitiesAsync(string.Empty)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1 + next.Count, fromStart["activities"]!.AsArray().Count);
        var fromOne = (await (await browser.GetActivitiesAsync("1")).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(next.Count, fromOne["activities"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetActivitiesAsync("abc")).StatusCode);
    }

    [Fact]
    public async Task Bad_activities_are_refused_with_problem_details()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();

        var noType = await browser.PostActivityAsync(new { text = "xin chào" });
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        var update = await browser.PostActivityAsync(new { type = "conversationUpdate" });
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);

        var huge = await browser.PostActivityAsync(new { type = "message", text = new string('a', 70_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var notJson = browser.Request(HttpMethod.Post, $"/v3/directline/conversations/{browser.ConversationId}/activities");
        notJson.Content = new StringContent("{not json", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.SendAsync(notJson)).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_photo_reaches_the_bot_as_an_attachment_served_from_here_and_a_disguised_page_is_refused()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        await browser.ReadNewAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var response = await browser.Http.SendAsync(Upload(browser, png, "image/png", "o-ga.png"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var echo = (await browser.ReadNewAsync())[0];
        var attachment = echo["attachments"]![0]!;
        Assert.Equal("image/png", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("o-ga.png", attachment["name"]!.GetValue<string>());
        Assert.Equal("upload-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        var download = await host.CreateClient().GetAsync(new Uri(attachment["contentUrl"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var disguised = await browser.Http.SendAsync(Upload(browser, "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png", "anh.png"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        var other = new DirectLineClient(host.CreateClient());
        await other.GenerateAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(Upload(browser, png, "image/png", "x.png", other.ConversationId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/v3/directline/attachments/unknown")).StatusCode);
    }

    [Fact]
    public async Task Posting_an_attachment_that_points_elsewhere_does_not_smuggle_a_link_into_the_case()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        await browser.ReadNewAsync();

        await browser.PostActivityAsync(new
        {
            type = "message",
            text = "xem ảnh",
            attachments = new[] { new { contentType = "image/png", contentUrl = "https://evil.example/x.png" } },
        });

        var echo = (await browser.ReadNewAsync())[0];
        Assert.Null(echo["attachments"]);
    }

    [Fact]
    public async Task The_stream_sends_activity_sets_as_the_log_grows()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        var start = await browser.Http.SendAsync(browser.Request(HttpMethod.Post, "/v3/directline/conversations"));
        var streamUrl = new Uri((await start.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!.GetValue<string>());

        var ws = host.Server.CreateWebSocketClient();
        using var socket = await ws.ConnectAsync(new Uri(host.Server.BaseAddress, streamUrl.PathAndQuery).ToWs(), CancellationToken.None);
        var first = await ReceiveSetAsync(socket);
        Assert.Contains(Greeting, first["activities"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await browser.SayAsync("Trợ giúp");
        var texts = new List<string>();
        while (!texts.Any(t => t.Contains("tra cứu", StringComparison.Ordinal)))
        {
            var set = await ReceiveSetAsync(socket);
            texts.AddRange(set["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>() ?? string.Empty));
        }

        Assert.Equal("Trợ giúp", texts[0]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        var forged = new Uri(host.Server.BaseAddress, $"/v3/directline/conversations/{browser.ConversationId}/stream?t={browser.Token}").ToWs();
        await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task A_notice_about_the_citizens_case_appears_in_their_open_web_chat()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        var code = await FileCaseAsync(browser.UserId);
        await browser.WaitForBotTextAsync(code); // notice.filed

        var reception = await host.LoginAsync("tiepnhan");
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });

        var accepted = await browser.WaitForBotTextAsync("đã được chuyển đến");
        Assert.Contains(code, DirectLineClient.Text(accepted), StringComparison.Ordinal);
        Assert.Equal("bot", accepted["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_notice_while_no_page_is_open_waits_and_arrives_when_the_citizen_comes_back()
    {
        var browser = new DirectLineClient(host.CreateClient());
        await browser.GenerateAsync();
        var code = await FileCaseAsync(browser.UserId);
        await browser.WaitForBotTextAsync(code);

        var reception = await host.LoginAsync("tiepnhan");
        host.Clock.Advance(TimeSpan.FromMinutes(5)); // the page was closed: nobody read the conversation since
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await Task.Delay(1500); // several outbox rounds

        await browser.GenerateAsync(); // same browser, new visit
        var accepted = await browser.WaitForBotTextAsync("đã được chuyển đến");
        Assert.Contains(code, DirectLineClient.Text(accepted), StringComparison.Ordinal);
    }

    private async Task<string> FileCaseAsync(string userId)
    {
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var address = new CitizenAddress("webchat", userId);
        var filed = await host.Services.GetRequiredService<CaseDesk>().SubmitAsync(
            new NewCase(CaseChannel.Webchat, category, "Cống thoát nước trên phố Trần Phú bị tắc, mỗi khi mưa nước tràn vào nhà dân.", false,
                new CitizenDetails("Trần Thị Lan", "+84912345679"), address, []),
            Actor.Citizen(address),
            CancellationToken.None);
        return Assert.IsType<DeskOutcome.Done>(filed).Case.Code;
    }

    private static HttpRequestMessage Upload(DirectLineClient browser, byte[] file, string contentType, string name, string? conversationId = null)
    {
        var request = browser.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? browser.ConversationId}/upload?userId=whatever");
        var activity = new ByteArrayContent("""{"type":"message","channelData":{"clientActivityID":"upload-1"},"attachments":[{"contentType":"image/png","name":"o-ga.png"}]}"""u8.ToArray());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Content = new MultipartFormDataContent { { activity, "activity", "blob" }, { part, "file", name } };
        return request;
    }

    private static async Task<JsonObject> ReceiveSetAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }
}

internal static class WebSocketUris
{
    public static Uri ToWs(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
}
