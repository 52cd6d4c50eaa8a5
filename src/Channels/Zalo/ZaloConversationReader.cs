using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Inbound;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Reads a citizen's recent conversation with the OA (<c>GET /v2.0/oa/conversation?data={user_id,offset,count}</c>,
/// newest first, at most 10 a page; <c>src</c> 0 = sent by the OA, 1 = by the citizen; <c>message_id</c> is the id the
/// webhook carried as <c>msg_id</c>; <c>time</c> in epoch milliseconds). Any failure or unexpected answer reads as "cannot tell".
/// </summary>
public sealed partial class ZaloConversationReader(
    IHttpClientFactory httpClients,
    ZaloAccessTokens tokens,
    IOptions<ZaloOptions> options,
    ILogger<ZaloConversationReader> logger)
{
    public const int PageSize = 10;

    /// <summary>How far back a read goes looking for the citizen's message (a turn's replies and a few notices).</summary>
    public const int MaxPages = 3;

    /// <summary>Newest first: pages until <paramref name="untilMessageId"/> is read (at most <see cref="MaxPages"/>), or one page without it.</summary>
    public async Task<IReadOnlyList<HistoryMessage>?> ReadAsync(string userId, string? untilMessageId, CancellationToken cancellationToken)
    {
        var messages = new List<HistoryMessage>();
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var entries = await ReadPageAsync(userId, page * PageSize, cancellationToken);
                if (entries is null)
                {
                    return null;
                }

                messages.AddRange(entries);
                if (untilMessageId is null || entries.Count < PageSize || entries.Any(m => m.Id == untilMessageId))
                {
                    break;
                }
            }

            return messages;
        }
        catch (Exception ex) when (ChannelFailures.IsTransient(ex, cancellationToken) || ex is JsonException or ZaloTokenException)
        {
            LogUnreadable(logger, ex.GetType().Name);
            return null;
        }
    }

    private async Task<List<HistoryMessage>?> ReadPageAsync(string userId, int offset, CancellationToken cancellationToken)
    {
        var (code, root) = await tokens.CallAsync(token => GetAsync(userId, offset, token, cancellationToken), answer => answer.Code, cancellationToken);
        if (code != 0 || root?.Get("data") is not { ValueKind: JsonValueKind.Array } data)
        {
            LogRefused(logger, code);
            return null;
        }

        return [.. data.EnumerateArray().Select(entry => Message(entry, userId))];
    }

    private static HistoryMessage Message(JsonElement entry, string userId)
    {
        var from = entry.String("from_id");
        var fromOa = from is not null ? from != userId : entry.Get("src").Number() == 0;
        return new HistoryMessage(
            entry.Get("message_id").Id() ?? entry.Get("msg_id").Id(), fromOa, entry.String("message"), InboundActivity.EpochTime(entry.Get("time") ?? default));
    }

    /// <summary>Zalo's <c>error</c> (null when the answer is not Zalo's JSON) and the answer's root.</summary>
    private async Task<(int? Code, JsonElement? Root)> GetAsync(string userId, int offset, string token, CancellationToken cancellationToken)
    {
        var query = new JsonObject { ["user_id"] = userId, ["offset"] = offset, ["count"] = PageSize }.ToJsonString();
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri(ZaloAccessTokens.Base(options.Value.ApiBaseUrl), "v2.0/oa/conversation?data=" + Uri.EscapeDataString(query)));
        request.Headers.TryAddWithoutValidation("access_token", token);
        using var response = await httpClients.CreateClient(ZaloSender.ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, null);
        }

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement.Clone();
        return (root.Get("error").Number() is { } number ? (int)number : null, root);
    }

    [LoggerMessage(LogLevel.Warning, "Zalo conversation history not readable ({Failure})")]
    private static partial void LogUnreadable(ILogger logger, string failure);

    [LoggerMessage(LogLevel.Warning, "Zalo conversation history refused (error {Code})")]
    private static partial void LogRefused(ILogger logger, int? code);
}
