namespace PhanHoi.Bot.Bench.Load;

/// <summary>The HTTP client citizens share, and the transport named on the command line.</summary>
public static class Transports
{
    public static HttpClient Client() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static ITransport Create(string name, HttpClient http, string serviceBaseUrl, FakePlatform platform) => name switch
    {
        "api" => new BotFrameworkTransport(http, serviceBaseUrl, platform.BaseUrl),
        "zalo" => new ZaloTransport(http, serviceBaseUrl, platform.History),
        "facebook" => new MessengerTransport(http, serviceBaseUrl, platform.History),
        _ => throw new ArgumentException($"Unknown transport '{name}' (api, zalo, facebook)."),
    };
}
