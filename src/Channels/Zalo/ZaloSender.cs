using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Writes to a citizen's Zalo chat through <c>POST /v3.0/oa/message/cs</c> with the OA access token: replies in a
/// turn, and case notices. An expired-token answer triggers one refresh and one retry; Zalo's error codes (sent
/// with HTTP 200) decide whether a message is sent, worth retrying, outside the 7-day window, or never deliverable.
/// </summary>
public sealed partial class ZaloSender(
    IHttpClientFactory httpClients,
    ZaloAccessTokens tokens,
    IOptions<ZaloOptions> options,
    ZaloConversationReader history,
    ILogger<ZaloSender> logger) : ChatPlatformSender
{
    public const string ClientName = "zalo";

    public override string Channel => ZaloEventParser.Channel;

    public override IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply) =>
        ZaloMessageRenderer.Render(userId, activities);

    protected override async Task<(SendResult Result, string? MessageId)> SendOneAsync(string body, CancellationToken cancellationToken)
    {
        try
        {
            var (code, messageId, status) = await tokens.CallAsync(token => PostAsync(body, token, cancellationToken), answer => answer.Code, cancellationToken);
            return (Outcome(code, status), messageId);
        }
        catch (ZaloTokenException ex)
        {
            return (new SendResult(SendOutcome.RetryLater, ex.Message), null);
        }
        catch (Exception ex) when (ChannelFailures.IsTransient(ex, cancellationToken))
        {
            LogTransient(logger, ex.GetType().Name);
            return (new SendResult(SendOutcome.RetryLater, ex.GetType().Name), null);
        }
    }

    protected override Task<IReadOnlyList<HistoryMessage>?> ReadHistoryAsync(string userId, string? untilMessageId, CancellationToken cancellationToken) =>
        history.ReadAsync(userId, untilMessageId, cancellationToken);

    private SendResult Outcome(int? code, HttpStatusCode status)
    {
        if (code is null)
        {
            return ChannelFailures.FromHttpStatus(status);
        }

        var outcome = ZaloErrors.Classify(code.Value);
        if (outcome != SendOutcome.Sent)
        {
            LogRefused(logger, code.Value, outcome);
        }

        return outcome == SendOutcome.Sent ? SendResult.Sent : new SendResult(outcome, $"zalo error {code.Value}");
    }

    /// <summary>Zalo's <c>error</c> (null when the answer is not Zalo's JSON) and the message id.</summary>
    private async Task<(int? Code, string? MessageId, HttpStatusCode Status)> PostAsync(string body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ZaloAccessTokens.Base(options.Value.ApiBaseUrl), "v3.0/oa/message/cs"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("access_token", token);
        using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, null, response.StatusCode);
        }

        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            var code = root.Get("error").Number() is { } number ? (int)number : (int?)null;
            return (code, root.Get("data").Get("message_id").String(), response.StatusCode);
        }
        catch (JsonException)
        {
            return (null, null, HttpStatusCode.BadGateway);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Zalo refused a message with error {Code}: {Outcome}")]
    private static partial void LogRefused(ILogger logger, int code, SendOutcome outcome);

    [LoggerMessage(LogLevel.Warning, "Zalo send failed ({Failure}); will retry later")]
    private static partial void LogTransient(ILogger logger, string failure);
}
