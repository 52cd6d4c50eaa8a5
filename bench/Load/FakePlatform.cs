using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// The platform side on 127.0.0.1: a Bot Framework connector that takes the bot's replies
/// (<c>POST v3/conversations/{id}/activities[/{replyTo}]</c>), the Zalo OA send API and the Graph Send API, and hands
/// each message to the waiting citizen; and the two platforms' conversation history APIs.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakePlatform(WebApplication app, ReplyInbox inbox, PlatformFaults faults, ConversationHistory history)
    {
        this.app = app;
        Inbox = inbox;
        Faults = faults;
        History = history;
    }

    public ReplyInbox Inbox { get; }

    /// <summary>Each citizen's conversation, shown by the platforms' history APIs (a replay after a crash reads it).</summary>
    public ConversationHistory History { get; }

    public PlatformFaults Faults { get; }

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    /// <summary>Starts the fakes; with <paramref name="keepConversations"/> (fault runs) every message is kept for the checks and history APIs.</summary>
    public static async Task<FakePlatform> StartAsync(bool keepConversations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var inbox = new ReplyInbox(keepConversations);
        var faults = new PlatformFaults();
        var history = new ConversationHistory(keepConversations);
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (!await faults.TryFailAsync(context))
            {
                await next(context);
            }
        });
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo?}", async (string conversation, HttpRequest request) =>
        {
            inbox.Deliver(conversation, (JsonObject)(await JsonNode.ParseAsync(request.Body))!);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/v3.0/oa/message/cs", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            var user = body["recipient"]!["user_id"]!.GetValue<string>();
            var id = Guid.NewGuid().ToString("N");
            var message = body["message"]!.AsObject();
            history.Record(user, id, fromBusiness: true, message["text"]?.GetValue<string>());
            inbox.Deliver(user, message);
            return Results.Json(new { error = 0, message = "Success", data = new { message_id = id, user_id = user } });
        });
        app.MapGet("/v2.0/oa/conversation", (HttpRequest request) =>
        {
            var query = JsonNode.Parse(request.Query["data"].ToString())!;
            var user = query["user_id"]!.GetValue<string>();
            var page = history.NewestFirst(user, query["offset"]!.GetValue<int>(), Math.Min(query["count"]!.GetValue<int>(), 10));
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
                    from_id = m.FromBusiness ? PlatformSecrets.ZaloOaId : user,
                    to_id = m.FromBusiness ? user : PlatformSecrets.ZaloOaId,
                }),
            });
        });
        app.MapPost("/v4/oa/access_token", () => Results.Json(new { access_token = PlatformSecrets.ZaloAccessToken, refresh_token = "bench-refresh", expires_in = "90000" }));
        app.MapPost($"/{PlatformSecrets.GraphVersion}/me/messages", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            var user = body["recipient"]!["id"]!.GetValue<string>();
            var id = "m_" + Guid.NewGuid().ToString("N");
            var message = body["message"]!.AsObject();
            history.Record(user, id, fromBusiness: true, message["text"]?.GetValue<string>());
            inbox.Deliver(user, message);
            return Results.Json(new { recipient_id = user, message_id = id });
        });
        app.MapGet($"/{PlatformSecrets.GraphVersion}/me/conversations", (HttpRequest request) =>
        {
            var user = request.Query["user_id"].ToString();
            var messages = history.NewestFirst(user, 0, 25)
                .Select(m => new
                {
                    id = m.Id,
                    from = new { id = m.FromBusiness ? PlatformSecrets.FacebookPageId : user },
                    message = m.Text,
                    created_time = m.At.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", System.Globalization.CultureInfo.InvariantCulture),
                });
            return Results.Json(new { data = new[] { new { id = "t_" + user, messages = new { data = messages } } } });
        });
        await app.StartAsync();
        return new FakePlatform(app, inbox, faults, history);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
