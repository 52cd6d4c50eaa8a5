using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Inbound;

namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>
/// Reads a citizen's recent thread with the page through the Conversations API
/// (<c>GET /{version}/me/conversations?platform=messenger&amp;user_id={PSID}&amp;fields=messages.limit(n){id,from,message,created_time}</c>,
/// newest first; a message's <c>from.id</c> is the PSID when the citizen wrote it). The page token needs
/// <c>pages_messaging</c>, <c>pages_manage_metadata</c> and <c>pages_read_engagement</c> (and the app Advanced Access);
/// without them, or on any failure, the history reads as "cannot tell".
/// </summary>
public sealed partial class MessengerConversationReader(
    IHttpClientFactory httpClients,
    IOptions<MessengerOptions> options,
    ILogger<MessengerConversationReader> logger)
{
    /// <summary>How many recent messages are read (a turn's replies and a few notices after the citizen's message).</summary>
    public const int Recent = 25;

    public async Task<IReadOnlyList<HistoryMessage>?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var path = $"{settings.GraphVersion.Trim('/')}/me/conversations?platform=messenger&user_id={Uri.EscapeDataString(userId)}"
            + $"&fields={Uri.EscapeDataString($"messages.limit({Recent}){{id,from,message,created_time}}")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(MessengerSender.Base(settings.GraphBaseUrl), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.PageAccessToken ?? string.Empty);
        try
        {
            using var response = await httpClients.CreateClient(MessengerSender.ClientName).SendAsync(request, cancellationToken);
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            if (!response.IsSuccessStatusCode || root.Get("data") is not { ValueKind: JsonValueKind.Array } threads)
            {
                LogRefused(logger, (int)response.StatusCode, root.Get("error").Get("code").Number() is { } code ? (int)code : null);
                return null;
            }

            return
            [
                .. threads.EnumerateArray().Take(1)
                    .SelectMany(thread => thread.Get("messages").Get("data").Items())
                    .Select(message => new HistoryMessage(
                        message.Get("id").Id(),
                        message.Get("from").Get("id").Id() is { } from && from != userId,
                        message.String("message"),
                        CreatedTime(message.String("created_time")))),
            ];
        }
        catch (Exception ex) when (ChannelFailures.IsTransient(ex, cancellationToken) || ex is JsonException)
        {
            LogUnreadable(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Graph's <c>2026-11-30T10:00:00+0000</c>.</summary>
    private static DateTimeOffset? CreatedTime(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at)
            ? at
            : null;

    [LoggerMessage(LogLevel.Warning, "Messenger conversation history not readable ({Failure})")]
    private static partial void LogUnreadable(ILogger logger, string failure);

    [LoggerMessage(LogLevel.Warning, "Messenger conversation history refused (HTTP {Status}, graph error {Code})")]
    private static partial void LogRefused(ILogger logger, int status, int? code);
}
