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
    ILogger<MessengerSender> logger) : IChatPlatform, IActivitySender, IProactiveChannel
{
    public const string ClientName = "facebook";

    public string Channel => MessengerEventParser.Channel;

    public IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply) =>
        MessengerMessageRenderer.Render(userId, activities, isReply);

    public async Task<DeliveryReport> DeliverAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        var ids = new List<string>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var (result, messageId) = await SendOneAsync(bodies[i], cancellationToken);
            if (result.Outcome != SendOutcome.Sent)
            {
                return new DeliveryReport(result, i, ids);
            }

            ids.Add(messageId ?? string.Empty);
        }

        return new DeliveryReport(SendResult.Sent, bodies.Count, ids);
    }

    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var userId = turn.Activity.From?.Id ?? throw new InvalidOperationException("The turn has no citizen to answer.");
        var report = await DeliverAsync(Render(userId, activities, isReply: true), cancellationToken);
        return report.Completed
            ? [.. report.MessageIds.Select(id => new ResourceResponse(id))]
            : throw new ChannelDeliveryException(Channel, report.Result);
    }

    public async Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        (await DeliverAsync(Render(recipient.UserId, activities, isReply: false), cancellationToken)).Result;

    private async Task<(SendResult Result, string? MessageId)> SendOneAsync(string body, CancellationToken cancellationToken)
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

    private static Uri Base(string url) => new(url.EndsWith('/') ? url : url + "/");

    [LoggerMessage(LogLevel.Warning, "Messenger refused a message with error {Code}/{Subcode}: {Outcome}")]
    private static partial void LogRefused(ILogger logger, int code, int? subcode, SendOutcome outcome);

    [LoggerMessage(LogLevel.Warning, "Messenger send failed ({Failure}); will retry later")]
    private static partial void LogTransient(ILogger logger, string failure);
}
