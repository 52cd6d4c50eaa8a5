using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Definitions;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// The real host with the Zalo and Messenger channels pointed at <see cref="FakePlatforms"/>, and a citizen's
/// phone as seen by our webhooks: real-shaped platform payloads, signed here independently of the product code.
/// </summary>
public sealed class ChannelHost : IAsyncDisposable
{
    public const string ZaloAppId = "3608465248940903967";
    public const string ZaloOaId = "388613280878808645";
    public const string ZaloOaSecret = "OaSecretKeyExample123";
    public const string FacebookAppSecret = "fb-app-secret";
    public const string FacebookPageId = "109876543210987";

    private long clock = 1_772_400_000_000;

    private ChannelHost(ApiHost host, FakePlatforms platforms)
    {
        Host = host;
        Platforms = platforms;
        Client = host.CreateClient();
    }

    public ApiHost Host { get; }

    public FakePlatforms Platforms { get; }

    public HttpClient Client { get; }

    public MessageCatalog Texts => Host.Services.GetRequiredService<MessageCatalog>();

    public static async Task<ChannelHost> StartAsync(Store store, IDictionary<string, string?>? extra = null)
    {
        var platforms = await FakePlatforms.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Zalo:AppId"] = ZaloAppId,
            ["Channels:Zalo:OaSecretKey"] = ZaloOaSecret,
            ["Channels:Zalo:AccessToken"] = platforms.ZaloAccessToken,
            ["Channels:Zalo:RefreshToken"] = platforms.ZaloRefreshToken,
            ["Channels:Zalo:AppSecretKey"] = FakePlatforms.ZaloAppSecret,
            ["Channels:Zalo:ApiBaseUrl"] = platforms.BaseUrl,
            ["Channels:Zalo:OAuthBaseUrl"] = platforms.BaseUrl,
            ["Channels:Zalo:MaxBodyBytes"] = "16384",
            ["Channels:Zalo:Resilience:RetryAttempts"] = "2",
            ["Channels:Zalo:Resilience:RetryDelay"] = "00:00:00.020",
            ["Channels:Zalo:Resilience:BreakerMinimumThroughput"] = "1000",
            ["Channels:Facebook:AppSecret"] = FacebookAppSecret,
            ["Channels:Facebook:VerifyToken"] = "verify-me",
            ["Channels:Facebook:PageAccessToken"] = "page-token",
            ["Channels:Facebook:GraphBaseUrl"] = platforms.BaseUrl,
            ["Channels:Facebook:GraphVersion"] = FakePlatforms.GraphVersion,
            ["Channels:Facebook:MaxBodyBytes"] = "16384",
            ["Channels:Facebook:Resilience:RetryAttempts"] = "2",
            ["Channels:Facebook:Resilience:RetryDelay"] = "00:00:00.020",
            ["Channels:Facebook:Resilience:BreakerMinimumThroughput"] = "1000",
            ["Inbox:PollInterval"] = "00:00:00.100",
            ["Bot:RateLimit:PermitLimit"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ChannelHost(await ApiHost.StartAsync(store, extra: settings), platforms);
    }

    public string Text(string key, IReadOnlyDictionary<string, string>? values = null) => Texts.Render(key, values);

    public string NextId() => Interlocked.Increment(ref clock).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- Zalo (platforms/zalo.md §2.3) ----

    public Task<HttpResponseMessage> ZaloTextAsync(string user, string text, string? msgId = null) =>
        ZaloUserEventAsync(user, "user_send_text", new { msg_id = msgId ?? "z" + NextId(), text });

    public Task<HttpResponseMessage> ZaloImageAsync(string user, string url) =>
        ZaloUserEventAsync(user, "user_send_image", new
        {
            msg_id = "z" + NextId(),
            attachments = new[] { new { type = "image", payload = new { thumbnail = url, url } } },
        });

    public Task<HttpResponseMessage> ZaloLocationAsync(string user, string latitude, string longitude) =>
        ZaloUserEventAsync(user, "user_send_location", new
        {
            msg_id = "z" + NextId(),
            attachments = new[] { new { type = "location", payload = new { coordinates = new { latitude, longitude } } } },
        });

    public Task<HttpResponseMessage> ZaloSubmitInfoAsync(string user, string name, string phone) =>
        ZaloPostAsync(JsonSerializer.Serialize(new
        {
            app_id = ZaloAppId,
            event_name = "user_submit_info",
            timestamp = NextId(),
            sender = new { id = user },
            recipient = new { id = ZaloOaId },
            user_id_by_app = "552177279717587730",
            info = new { name, phone, address = "12 Lê Lợi", ward = "Phường Hạc Thành", city = "Thanh Hóa" },
        }));

    public Task<HttpResponseMessage> ZaloUserEventAsync(string user, string eventName, object message) =>
        ZaloPostAsync(ZaloUserEventJson(user, eventName, message));

    public string ZaloUserEventJson(string user, string eventName, object message) =>
        JsonSerializer.Serialize(new
        {
            app_id = ZaloAppId,
            user_id_by_app = "552177279717587730",
            event_name = eventName,
            timestamp = NextId(),
            sender = new { id = user },
            recipient = new { id = ZaloOaId },
            message,
        }, Unescaped);

    /// <summary>Posts exactly these bytes, signed as Zalo does: SHA-256(app_id ‖ body ‖ timestamp ‖ OA secret key).</summary>
    public async Task<HttpResponseMessage> ZaloPostAsync(string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zalo") { Content = content };
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature ?? ZaloMac(body, JsonDocument.Parse(json).RootElement.GetProperty("timestamp").GetString()!));
        return await Client.SendAsync(request);
    }

    public static string ZaloMac(byte[] body, string timestamp)
    {
        var all = Encoding.UTF8.GetBytes(ZaloAppId).Concat(body).Concat(Encoding.UTF8.GetBytes(timestamp)).Concat(Encoding.UTF8.GetBytes(ZaloOaSecret)).ToArray();
        return "mac=" + Convert.ToHexStringLower(SHA256.HashData(all));
    }

    // ---- Messenger (platforms/messenger.md §A3) ----

    public Task<HttpResponseMessage> FacebookTextAsync(string psid, string text, string? mid = null) =>
        FacebookMessageAsync(psid, new { mid = mid ?? "m_" + NextId(), text });

    public Task<HttpResponseMessage> FacebookQuickReplyAsync(string psid, string title, string payload) =>
        FacebookMessageAsync(psid, new { mid = "m_" + NextId(), text = title, quick_reply = new { payload } });

    public Task<HttpResponseMessage> FacebookImageAsync(string psid, string url) =>
        FacebookMessageAsync(psid, new { mid = "m_" + NextId(), attachments = new[] { new { type = "image", payload = new { url } } } });

    public Task<HttpResponseMessage> FacebookLocationAsync(string psid, double lat, double @long) =>
        FacebookMessageAsync(psid, new { mid = "m_" + NextId(), attachments = new[] { new { type = "location", title = "Vị trí", payload = new { coordinates = new { lat, @long } } } } });

    public Task<HttpResponseMessage> FacebookMessageAsync(string psid, object message) =>
        FacebookPostAsync(Batch(Messaging(psid, "message", message)));

    public string Messaging(string psid, string kind, object payload)
    {
        var time = long.Parse(NextId(), System.Globalization.CultureInfo.InvariantCulture);
        var item = new Dictionary<string, object>
        {
            ["sender"] = new { id = psid },
            ["recipient"] = new { id = FacebookPageId },
            ["timestamp"] = time,
            [kind] = payload,
        };
        return JsonSerializer.Serialize(item, Unescaped);
    }

    public static string Batch(params string[] messaging) =>
        $$"""{"object":"page","entry":[{"id":"{{FacebookPageId}}","time":1772400000000,"messaging":[{{string.Join(',', messaging)}}]}]}""";

    /// <summary>Posts exactly these bytes with <c>X-Hub-Signature-256</c> = HMAC-SHA256(app secret, body).</summary>
    public async Task<HttpResponseMessage> FacebookPostAsync(string json, string? signature = null, bool chunked = false)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/facebook") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? FacebookSignature(body));
        return await Client.SendAsync(request);
    }

    public static string FacebookSignature(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FacebookAppSecret), body));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Platforms.DisposeAsync();
    }

    // Vietnamese as raw UTF-8, as the platforms send it (the MAC covers these bytes).
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
