namespace PhanHoi.Bot.Bench.Load;

/// <summary>The made-up credentials the service and the fake platforms share during a run.</summary>
public static class PlatformSecrets
{
    public const string ZaloAppId = "bench-zalo-app";
    public const string ZaloOaSecret = "bench-zalo-oa-secret";
    public const string ZaloAppSecret = "bench-zalo-app-secret";
    public const string ZaloAccessToken = "bench-zalo-access";
    public const string ZaloOaId = "579745863508352884";
    public const string FacebookAppSecret = "bench-fb-app-secret";
    public const string FacebookPageId = "109876543210987";
    public const string FacebookPageToken = "bench-page-token";
    public const string GraphVersion = "v23.0";

    /// <summary>Service configuration turning both channels on against the fake platform at <paramref name="platformUrl"/>.</summary>
    public static Dictionary<string, string> ServiceSettings(string platformUrl) => new()
    {
        ["Channels__Zalo__AppId"] = ZaloAppId,
        ["Channels__Zalo__OaSecretKey"] = ZaloOaSecret,
        ["Channels__Zalo__AccessToken"] = ZaloAccessToken,
        ["Channels__Zalo__RefreshToken"] = "bench-refresh",
        ["Channels__Zalo__AppSecretKey"] = ZaloAppSecret,
        ["Channels__Zalo__ApiBaseUrl"] = platformUrl,
        ["Channels__Zalo__OAuthBaseUrl"] = platformUrl,
        ["Channels__Facebook__AppSecret"] = FacebookAppSecret,
        ["Channels__Facebook__VerifyToken"] = "bench-verify",
        ["Channels__Facebook__PageAccessToken"] = FacebookPageToken,
        ["Channels__Facebook__GraphBaseUrl"] = platformUrl,
        ["Channels__Facebook__GraphVersion"] = GraphVersion,
    };
}
