using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// <c>POST /webhooks/zalo</c>: Zalo OA events. Size, then JSON, then <c>X-ZEvent-Signature</c> (its MAC covers the
/// body's own <c>timestamp</c> field), then durable storage, then 200. An unsigned <c>{}</c> is Zalo's probe when the
/// URL is saved in the console: 200 with no effect. <c>GET</c> answers 200 for the same reason.
/// </summary>
public static class ZaloWebhookEndpoints
{
    private const string TimestampHeader = "X-ZEvent-Timestamp";

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/zalo", Receive).WithTags("Webhooks").AllowAnonymous();
        app.MapGet("/webhooks/zalo", (IOptions<ZaloOptions> options) =>
            options.Value.IsConfigured ? Results.Ok() : WebhookResults.Off("Zalo")).WithTags("Webhooks").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Receive(
        HttpRequest request, IOptions<ZaloOptions> options, WebhookIntake intake, ILoggerFactory loggers, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return WebhookResults.Off("Zalo");
        }

        var body = await WebhookBody.ReadAsync(request, settings.MaxBodyBytes, ct);
        if (body is null)
        {
            return WebhookResults.TooLarge(settings.MaxBodyBytes);
        }

        var signature = request.Headers[ZaloSignature.Header].ToString();
        if (string.IsNullOrEmpty(signature) && IsProbe(body))
        {
            return WebhookResults.Acknowledged();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return string.IsNullOrEmpty(signature) ? WebhookResults.BadSignature() : WebhookResults.Malformed();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookResults.Malformed();
            }

            var timestamp = root.TryGetProperty("timestamp", out var t) && t.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (t.ValueKind == JsonValueKind.String ? TimestampText(t) : t.GetRawText())
                : null;
            if (!ZaloSignature.IsValid(signature, settings.AppId!, body, timestamp, settings.OaSecretKey!))
            {
                // zalo.md §3.1: the body's timestamp is the documented term; some deliveries are said to carry it in a
                // header instead. Accept that variant, and say so, until live traffic settles which one Zalo uses.
                var headerTimestamp = request.Headers[TimestampHeader].ToString();
                var logger = loggers.CreateLogger(typeof(ZaloWebhookEndpoints));
                if (headerTimestamp.Length == 0 || !ZaloSignature.IsValid(signature, settings.AppId!, body, headerTimestamp, settings.OaSecretKey!))
                {
                    logger.LogWarning("Zalo webhook refused: signature missing or wrong");
                    return WebhookResults.BadSignature();
                }

                logger.LogInformation("Zalo webhook MAC matched with the {Header} header's timestamp", TimestampHeader);
            }

            await intake.AcceptAsync(ZaloEventParser.Channel, ZaloEventParser.Parse(root), ct);
            return WebhookResults.Acknowledged();
        }
    }

    /// <summary>The timestamp as the MAC covers it; an undecodable string (invalid UTF-8, lone surrogate) cannot match.</summary>
    private static string? TimestampText(JsonElement timestamp)
    {
        try
        {
            return timestamp.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsProbe(byte[] body) => body.AsSpan().Trim(" \t\r\n"u8).SequenceEqual("{}"u8);
}
