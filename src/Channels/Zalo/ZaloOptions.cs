namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>Section <c>Channels:Zalo</c> (names as in CONTRACT.md). Without AppId and OaSecretKey the channel is off.</summary>
public sealed class ZaloOptions
{
    public const string Section = "Channels:Zalo";

    /// <summary>The app id: first term of the webhook MAC, and sent when refreshing the token.</summary>
    public string? AppId { get; set; }

    /// <summary>The "OA Secret Key" of the app's Webhook page: last term of the webhook MAC.</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The first OA access token (later ones live in the credential store).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The first refresh token; single use, rotated on every refresh.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The App Secret, sent as the <c>secret_key</c> header of the token refresh.</summary>
    public string? AppSecretKey { get; set; }

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Largest accepted webhook body.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Refresh the access token this long before it expires (it lives 25 h).</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long one instance may hold the refresh before another may take over (longer than the HTTP timeout).</summary>
    public TimeSpan RefreshLease { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(OaSecretKey);
}
