using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset the official Web Chat control uses, served by this host: tokens scoped to one
/// conversation, posting activities (each runs a bot turn in process), reading by watermark, the WebSocket stream
/// (<see cref="DirectLineStream"/>) and uploads (<see cref="DirectLineUploadEndpoints"/>).
/// </summary>
public static class DirectLineEndpoints
{
    public const string UserCookie = "phanhoi_webchat";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(DirectLineChannel.BasePath).WithTags("Web chat (Direct Line)").AllowAnonymous();
        group.MapPost("/tokens/generate", Generate).RequireRateLimiting(DirectLineSetup.TokenLimit);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", Start).RequireRateLimiting(DirectLineSetup.TokenLimit);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapPost("/conversations/{conversationId}/activities", Post);
        group.MapGet("/conversations/{conversationId}/activities", Read);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.Accept);
        DirectLineUploadEndpoints.Map(group);
        return app;
    }

    /// <summary>
    /// A new conversation and its token. The user id is ours, never the caller's: a signed cookie keeps it for this
    /// browser, so the citizen's address <c>webchat:{userId}</c> and their cases follow them from visit to visit.
    /// </summary>
    private static async Task<IResult> Generate(
        HttpContext http, DirectLineTokens tokens, IDirectLineConversationStore store, DirectLineActivities addressing,
        ActivityProcessor processor, DirectLineActivitySender sender, HeldNoticeReleases heldNotices, IOptions<DirectLineOptions> options,
        CancellationToken ct)
    {
        var userId = tokens.ReadUser(http.Request.Cookies[UserCookie]);
        if (userId is null)
        {
            (userId, var cookie) = tokens.NewUser();
            http.Response.Cookies.Append(UserCookie, cookie, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = DirectLineChannel.BasePath,
                MaxAge = options.Value.UserLifetime,
                IsEssential = true,
            });
        }

        var conversationId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await store.StartAsync(conversationId, userId, ct);
        var token = tokens.IssueConversation(conversationId, userId);

        // Direct Line tells the bot a member joined; ours greets. Then notices held for this citizen go out here.
        await processor.ProcessAsync(addressing.UserJoined(conversationId, userId, DirectLineCaller.BaseUrl(http.Request)), sender, ct);
        heldNotices.Request(new CitizenAddress(DirectLineChannel.ChannelId, userId));
        return Json(new ConversationResponse(conversationId, token.Value, token.ExpiresInSeconds));
    }

    private static IResult Refresh(HttpRequest request, DirectLineTokens tokens)
    {
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens);
        if (caller is null)
        {
            return refusal!;
        }

        var token = tokens.IssueConversation(caller.ConversationId, caller.UserId);
        return Json(new ConversationResponse(caller.ConversationId, token.Value, token.ExpiresInSeconds));
    }

    /// <summary><c>POST /conversations</c> with a token: the token's conversation, with a pre-signed <c>streamUrl</c>.</summary>
    private static async Task<IResult> Start(HttpRequest request, DirectLineTokens tokens, IDirectLineConversationStore store, TimeProvider clock, CancellationToken ct)
    {
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens);
        if (caller is null)
        {
            return refusal!;
        }

        return await Describe(request, caller, "0", tokens, store, clock, created: true, ct);
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: Web Chat reconnecting its stream after a drop.</summary>
    private static async Task<IResult> Reconnect(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, IDirectLineConversationStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens, conversationId);
        if (caller is null)
        {
            return refusal!;
        }

        return ParseWatermark(watermark) is { } from
            ? await Describe(request, caller, from.ToString(CultureInfo.InvariantCulture), tokens, store, clock, created: false, ct)
            : BadWatermark();
    }

    private static async Task<IResult> Describe(
        HttpRequest request, DirectLineToken caller, string watermark, DirectLineTokens tokens, IDirectLineConversationStore store, TimeProvider clock,
        bool created, CancellationToken ct)
    {
        if (await store.FindOwnerAsync(caller.ConversationId, ct) != caller.UserId)
        {
            return DirectLineCaller.ConversationGone();
        }

        var stream = tokens.IssueStream(caller.ConversationId, caller.UserId);
        var body = new ConversationResponse(
            caller.ConversationId,
            request.Headers.Authorization.ToString()["Bearer ".Length..].Trim(),
            (int)Math.Max(0, (caller.ExpiresAt - clock.GetUtcNow()).TotalSeconds),
            DirectLineCaller.StreamUrl(request, caller.ConversationId, stream.Value, watermark));
        return created
            ? TypedResults.Json(body, DirectLineJsonContext.Default.ConversationResponse, statusCode: StatusCodes.Status201Created)
            : Json(body);
    }

    private static async Task<IResult> Read(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, IDirectLineConversationStore store, CancellationToken ct)
    {
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens, conversationId);
        if (caller is null)
        {
            return refusal!;
        }

        if (ParseWatermark(watermark) is not { } from)
        {
            return BadWatermark();
        }

        return await store.ReadAsync(conversationId, from, ct) is { } set
            ? TypedResults.Json(set, DirectLineJsonContext.Default.ActivitySet)
            : DirectLineCaller.ConversationGone();
    }

    private static async Task<IResult> Post(
        string conversationId, HttpRequest request, DirectLineTokens tokens, IDirectLineConversationStore store, DirectLineUploads uploads,
        DirectLineTurns turns, IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens, conversationId);
        if (caller is null)
        {
            return refusal!;
        }

        if (request.ContentLength > options.Value.MaxActivityBytes)
        {
            return DirectLineCaller.TooLarge("The activity is too large.");
        }

        if (await BoundedBody.ReadAsync(request.Body, options.Value.MaxActivityBytes, ct) is not { } body)
        {
            return DirectLineCaller.TooLarge("The activity is too large.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ActivityJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return Problems.Problems.Invalid("body", "The body is not an activity.");
        }

        var baseUrl = DirectLineCaller.BaseUrl(request);
        return await turns.RunAsync(caller, activity, baseUrl, url => DirectLineUploadEndpoints.IsOwnUpload(url, baseUrl), ct);
    }

    /// <summary>Empty or missing: from the start (Web Chat's first poll). Otherwise a non-negative number we issued.</summary>
    internal static long? ParseWatermark(string? watermark) =>
        string.IsNullOrWhiteSpace(watermark) || watermark == "null" ? 0
        : long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    private static IResult BadWatermark() => Problems.Problems.Invalid("watermark", "The watermark is not one this service issued.");

    private static IResult Json(ConversationResponse body) => TypedResults.Json(body, DirectLineJsonContext.Default.ConversationResponse);
}
