using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// Zalo's OA API and OAuth endpoint and Meta's Graph Send API on 127.0.0.1, as the platform docs describe them:
/// Zalo answers HTTP 200 with <c>error</c> codes, Graph answers 4xx with <c>error.code/error_subcode</c>. A test can
/// make them fail for a while, close a citizen's window, and expire the Zalo access token. Each keeps the citizen's
/// conversation (what the citizen wrote, as the test says, and what the OA/page sent) and shows it through Zalo's
/// <c>GET /v2.0/oa/conversation</c> and Graph's Conversations API, newest first.
/// </summary>
public sealed class FakePlatforms : IAsyncDisposable
{
    public const string GraphVersion = "v25.0";
    public const string ZaloAppSecret = "zalo-app-secret";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Channel<JsonNode>> inboxes = new();
    private readonly ConcurrentDictionary<string, bool> closedWindows = new();
    private readonly ConcurrentDictionary<string, TimeSpan> slowUsers = new();
    private readonly ConcurrentDictionary<string, List<(string Id, bool FromBusiness, string? Text, DateTimeOffset At)>> conversations = new();
    private int failuresLeft;
    private int issued;

    private FakePlatforms(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The access token Zalo currently accepts; the refresh token it will accept next.</summary>
    public string ZaloAccessToken { get; private set; } = "zalo-access-0";

    public string ZaloRefreshToken { get; private set; } = "zalo-refresh-0";

    public int TokenRefreshes => Volatile.Read(ref issued);

    private int sendCalls;

    /// <summary>Send API calls answered (any outcome).</summary>
    public int SendCalls => Volatile.Read(ref sendCalls);

    public static async Task<FakePlatforms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatforms(app);
        app.MapPost("/v3.0/oa/message/cs", fake.ZaloSendAsync);
        app.MapPost("/v4/oa/access_token", fake.ZaloTokenAsync);
        app.MapPost($"/{GraphVersion}/me/messages", fake.GraphSendAsync);
        app.MapGet("/v2.0/oa/conversation", fake.ZaloConversation);
        app.MapGet("/media/{name}", () => Results.Bytes(Photo, "image/jpeg"));
        app.MapGet($"/{GraphVersion}/me/conversations", fake.GraphConversations);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>What the platforms' CDN serves at <c>{BaseUrl}/media/{name}</c>: a citizen's photo (JPEG).</summary>
    public static byte[] Photo { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00];

    /// <summary>The history APIs answer 404 (a platform fake that does not offer them).</summary>
    public bool HistoryUnavailable { get; set; }

    /// <summary>The citizen's message, as the platform keeps it in the conversation (the webhook is the test's to post).</summary>
    public void CitizenWrote(string userId, string messageId, string text) => Record(userId, messageId, fromBusiness: false, text);

    /// <summary>The next <paramref name="count"/> send calls answer HTTP 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    public void CloseWindow(string userId) => closedWindows[userId] = true;

    public void OpenWindow(string userId) => closedWindows.TryRemove(userId, out _);

    /// <summary>Every send to <paramref name="userId"/> takes <paramref name="delay"/> before it is answered (and shown).</summary>
    public void SlowDown(string userId, TimeSpan delay) => slowUsers[userId] = delay;

    /// <summary>Zalo stops accepting the current access token (it expired on their side).</summary>
    public void ExpireZaloToken() => ZaloAccessToken = "expired-" + Guid.NewGuid().ToString("N");

    /// <summary>The next message shown to <paramref name="userId"/> (its text, buttons and attachments as sent).</summary>
    public async Task<JsonNode> NextAsync(string userId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await Inbox(userId).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message for {userId}.");
        }
    }

    /// <summary>Reads messages until one whose text is <paramref name="text"/>; fails on timeout.</summary>
    public async Task<JsonNode> ExpectAsync(string userId, string text, TimeSpan? timeout = null)
    {
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            JsonNode message;
            try
            {
                message = await Inbox(userId).Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected \"{text}\" for {userId}; saw: {string.Join(" | ", seen)}");
            }

            var got = Text(message);
            if (got == text)
            {
                return message;
            }

            seen.Add(got ?? "(no text)");
        }
    }

    /// <summary>Messages already shown and not yet read.</summary>
    public IReadOnlyList<JsonNode> Drain(string userId)
    {
        var list = new List<JsonNode>();
        while (Inbox(userId).Reader.TryRead(out var message))
        {
            list.Add(message);
        }

        return list;
    }

    public static string? Text(JsonNode message) => message["text"]?.GetValue<string>();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private bool Failing() => Interlocked.Decrement(ref failuresLeft) >= 0;

    private async Task<IResult> ZaloSendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref sendCalls);
        if (Failing())
        {
            return Results.StatusCode(503);
        }

        var body = (await JsonNode.ParseAsync(request.Body))!;
        if (request.Headers["access_token"] != ZaloAccessToken)
        {
            return Results.Json(new { error = -216, message = "Access token is invalid" });
        }

        var user = body["recipient"]!["user_id"]!.GetValue<string>();
        await DelayFor(user);
        if (closedWindows.ContainsKey(user))
        {
            return Results.Json(new { error = -230, message = "User has not interacted with the OA in the past 7 days" });
        }

        var id = Guid.NewGuid().ToString("N");
        Record(user, id, fromBusiness: true, Text(body["message"]!));
        await Inbox(user).Writer.WriteAsync(body["message"]!.DeepClone());
        return Results.Json(new { error = 0, message = "Success", data = new { message_id = id, user_id = user } });
    }

    private async Task<IResult> ZaloTokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (request.Headers["secret_key"] != ZaloAppSecret || form["grant_type"] != "refresh_token" || form["refresh_token"] != ZaloRefreshToken)
        {
            return Results.Json(new { error_name = "Invalid refresh token", error_reason = "-14014" });
        }

        var n = Interlocked.Increment(ref issued);
        ZaloAccessToken = $"zalo-access-{n}";
        ZaloRefreshToken = $"zalo-refresh-{n}";
        return Results.Json(new { access_token = ZaloAccessToken, refresh_token = ZaloRefreshToken, expires_in = "90000" });
    }

    private async Task<IResult> GraphSendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref sendCalls);
        if (Failing())
        {
            return Results.StatusCode(503);
        }

        var body = (await JsonNode.ParseAsync(request.Body))!;
        if (request.Headers.Authorization != "Bearer page-token")
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 400);
        }

        var user = body["recipient"]!["id"]!.GetValue<string>();
        await DelayFor(user);
        if (closedWindows.ContainsKey(user))
        {
            return Results.Json(
                new { error = new { message = "(#10) This message is sent outside of allowed window.", type = "OAuthException", code = 10, error_subcode = 2018278 } },
                statusCode: 400);
        }

        var message = body["message"]!.DeepClone();
        message["messaging_type"] = body["messaging_type"]!.GetValue<string>();
        var id = "m_" + Guid.NewGuid().ToString("N");
        Record(user, id, fromBusiness: true, Text(message));
        await Inbox(user).Writer.WriteAsync(message);
        return Results.Json(new { recipient_id = user, message_id = id });
    }

    private IResult ZaloConversation(HttpRequest request)
    {
        if (HistoryUnavailable)
        {
            return Results.NotFound();
        }

        if (request.Headers["access_token"] != ZaloAccessToken)
        {
            return Results.Json(new { error = -216, message = "Access token is invalid" });
        }

        var query = JsonNode.Parse(request.Query["data"].ToString())!;
        var user = query["user_id"]!.GetValue<string>();
        var page = NewestFirst(user).Skip(query["offset"]!.GetValue<int>()).Take(Math.Min(query["count"]!.GetValue<int>(), 10));
        return Results.Json(new
        {
            error = 0,
            message = "Success",
            data = page.Select(m => new
            {
                src = m.FromBusiness ? 0 : 1,
                type = "text",
                message = m.Text,
                message_id = m.Id,
                time = m.At.ToUnixTimeMilliseconds(),
                from_id = m.FromBusiness ? ChannelHost.ZaloOaId : user,
                to_id = m.FromBusiness ? user : ChannelHost.ZaloOaId,
            }),
        });
    }

    private IResult GraphConversations(HttpRequest request)
    {
        if (HistoryUnavailable)
        {
            return Results.NotFound();
        }

        if (request.Headers.Authorization != "Bearer page-token")
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 400);
        }

        var user = request.Query["user_id"].ToString();
        var messages = NewestFirst(user).Take(25).Select(m => new
        {
            id = m.Id,
            from = new { id = m.FromBusiness ? ChannelHost.FacebookPageId : user },
            message = m.Text,
            created_time = m.At.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", System.Globalization.CultureInfo.InvariantCulture),
        });
        return Results.Json(new { data = new[] { new { id = "t_" + user, messages = new { data = messages } } } });
    }

    private void Record(string userId, string id, bool fromBusiness, string? text)
    {
        var conversation = conversations.GetOrAdd(userId, _ => []);
        lock (conversation)
        {
            conversation.Add((id, fromBusiness, text, DateTimeOffset.UtcNow));
        }
    }

    private List<(string Id, bool FromBusiness, string? Text, DateTimeOffset At)> NewestFirst(string userId)
    {
        var conversation = conversations.GetOrAdd(userId, _ => []);
        lock (conversation)
        {
            return Enumerable.Reverse(conversation).ToList();
        }
    }

    private Task DelayFor(string userId) => slowUsers.TryGetValue(userId, out var delay) ? Task.Delay(delay) : Task.CompletedTask;

    private Channel<JsonNode> Inbox(string userId) => inboxes.GetOrAdd(userId, _ => Channel.CreateUnbounded<JsonNode>());
}
