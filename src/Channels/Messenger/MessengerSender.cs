using System.Net.Http.Headers;
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

namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>
/// Writes to a citizen's Messenger thread through the Send API (<c>{GraphBaseUrl}/{GraphVersion}/me/messages</c>)
/// with the page token: replies in a turn (RESPONSE) and case notices (UPDATE). The Graph error decides whether a
/// message is sent, worth retrying, outside the 24-hour window, or never deliverable.
/// </summary>
public sealed partial class MessengerSender(
    IHttpClientFactory httpClients,
    IOptions<MessengerOptions> options,
    MessengerConversationReader history,
    ILogger<MessengerSender> logger) : ChatPlatformSender
{
    public const string ClientName = "facebook";

    public override string Channel => MessengerEventParser.Channel;

    public override IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply) =>
        MessengerMessageRenderer.Render(userId, activities, isReply);

    protected override async Task<(SendResult Result, string? MessageId)> SendOneAsync(string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var version = settings.GraphVersion.Trim('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base(settings.GraphBaseUrl), $"{version}/me/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.PageAccessToken ?? string.Empty);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            using var json = await ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (SendResult.Sent, json?.RootElement.String("message_id"));
            }

            var error = json?.RootElement.Get("error");
            if (error.Get("code").Number() is not { } code)
            {
                return (ChannelFailures.FromHttpStatus(response.StatusCode), null);
            }

            var subcode = error.Get("error_subcode").Number() is { } sub ? (int)sub : (int?)null;
            var outcome = MessengerErrors.Classify((int)code, subcode);
            LogRefused(logger, (int)code, subcode, outcome);
            return (new SendResult(outcome, $"graph error {(int)code}/{subcode}"), null);
        }
        catch (Exception ex) when (ChannelFailures.IsTransient(ex, cancellationToken))
        {
            LogTransient(logger, ex.GetType().Name);
            return (new SendResult(SendOutcome.RetryLater, ex.GetType().Name), null);
        }
    }

    protected override Task<IReadOnlyList<HistoryMessage>?> ReadHistoryAsync(string userId, string? untilMessageId, CancellationToken cancellationToken) =>
        history.ReadAsync(userId, cancellationToken);

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Uri Base(string url) => new(url.EndsWith('/') ? url : url + "/");

    [LoggerMessage(LogLevel.Warning, "Messenger refused a message with error {Code}/{Subcode}: {Outcome}")]
    private static partial void LogRefused(ILogger logger, int code, int? subcode, SendOutcome outcome);

    [LoggerMessage(LogLevel.Warning, "Messenger send failed ({Failure}); will retry later")]
    private static partial void LogTransient(ILogger logger, string failure);
}
