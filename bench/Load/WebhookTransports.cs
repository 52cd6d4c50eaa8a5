using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>Zalo OA <c>user_send_text</c> events, signed: <c>mac=</c>SHA-256(app id ‖ body ‖ timestamp ‖ OA secret key).</summary>
public sealed class ZaloTransport(HttpClient http, string serviceBaseUrl, ConversationHistory history) : ITransport
{
    public string Name => "zalo";

    public Task<TimeSpan> SendAsync(string userId, string messageId, string text, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            app_id = PlatformSecrets.ZaloAppId,
            user_id_by_app = "552177279717587730",
            event_name = "user_send_text",
            timestamp,
            sender = new { id = userId },
            recipient = new { id = PlatformSecrets.ZaloOaId },
            message = new { msg_id = messageId, text },
        }, WebhookJson.Options);
        history.Record(userId, messageId, fromBusiness: false, text);
        var mac = SHA256.HashData([.. Encoding.UTF8.GetBytes(PlatformSecrets.ZaloAppId), .. body, .. Encoding.UTF8.GetBytes(timestamp), .. Encoding.UTF8.GetBytes(PlatformSecrets.ZaloOaSecret)]);
        return WebhookJson.PostAsync(http, $"{serviceBaseUrl}/webhooks/zalo", body, "X-ZEvent-Signature", "mac=" + Convert.ToHexStringLower(mac), cancellationToken);
    }
}

/// <summary>Messenger <c>messages</c> events in a page batch, signed with <c>X-Hub-Signature-256</c>.</summary>
public sealed class MessengerTransport(HttpClient http, string serviceBaseUrl, ConversationHistory history) : ITransport
{
    public string Name => "facebook";

    public Task<TimeSpan> SendAsync(string userId, string messageId, string text, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = PlatformSecrets.FacebookPageId,
                    time = now,
                    messaging = new[]
                    {
                        new
                        {
                            sender = new { id = userId },
                            recipient = new { id = PlatformSecrets.FacebookPageId },
                            timestamp = now,
                            message = new { mid = "m_" + messageId, text },
                        },
                    },
                },
            },
        }, WebhookJson.Options);
        history.Record(userId, "m_" + messageId, fromBusiness: false, text);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PlatformSecrets.FacebookAppSecret), body));
        return WebhookJson.PostAsync(http, $"{serviceBaseUrl}/webhooks/facebook", body, "X-Hub-Signature-256", signature, cancellationToken);
    }
}

internal static class WebhookJson
{
    /// <summary>Vietnamese as raw UTF-8, as the platforms send it (the signature covers these bytes).</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<TimeSpan> PostAsync(
        HttpClient http, string url, byte[] body, string signatureHeader, string signature, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation(signatureHeader, signature);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        response.EnsureSuccessStatusCode();
        return elapsed;
    }
}
