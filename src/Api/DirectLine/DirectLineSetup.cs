using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Api.DirectLine;

public static class DirectLineSetup
{
    public const string TokenLimit = "directline-tokens";

    /// <summary>
    /// The Direct Line channel for the web chat page. Without <c>Channels:DirectLine:TokenSigningKey</c> the key is
    /// derived from the staff signing key (HKDF), so it is as durable as that one without being the same key.
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        builder.Services.AddDirectLineChannel(builder.Configuration);
        builder.Services.AddOptions<DirectLineOptions>().PostConfigure<SigningKey>((options, staffKey) =>
        {
            if (string.IsNullOrWhiteSpace(options.TokenSigningKey))
            {
                var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, staffKey.Key.Key, 32, info: Encoding.UTF8.GetBytes("phanhoi-directline-tokens"));
                options.TokenSigningKey = Convert.ToBase64String(derived);
            }
        });
        builder.Services.AddSingleton<DirectLineTurns>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(TokenLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }

    /// <summary>WebSockets for the Direct Line stream (Web Chat's default transport).</summary>
    public static WebApplication UseDirectLine(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }
}
