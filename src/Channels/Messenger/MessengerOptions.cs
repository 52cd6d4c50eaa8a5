namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>Section <c>Channels:Facebook</c> (names as in CONTRACT.md). Without AppSecret the channel is off.</summary>
public sealed class MessengerOptions
{
    public const string Section = "Channels:Facebook";

    /// <summary>Key of the <c>X-Hub-Signature-256</c> HMAC.</summary>
    public string? AppSecret { get; set; }

    /// <summary>What the App Dashboard sends as <c>hub.verify_token</c> when subscribing the webhook.</summary>
    public string? VerifyToken { get; set; }

    public string? PageAccessToken { get; set; }

    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphVersion { get; set; } = "v25.0";

    /// <summary>The payload of the page's "Get Started" button: raises a conversationUpdate (welcome).</summary>
    public string GetStartedPayload { get; set; } = "GET_STARTED";

    /// <summary>Largest accepted webhook body (batches can hold many events).</summary>
    public int MaxBodyBytes { get; set; } = 512 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppSecret);
}
