using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>Zalo OA API error codes (they arrive with HTTP 200) and what each means for a message.</summary>
public static class ZaloErrors
{
    public const int AccessTokenInvalid = -216;
    public const int AccessTokenExpired = -220;

    public static bool IsTokenRejected(int code) => code is AccessTokenInvalid or AccessTokenExpired;

    public static SendOutcome Classify(int code) => code switch
    {
        0 => SendOutcome.Sent,
        // rate limited (-32), expired upload (-100), "send message failed" (-200): worth another try later
        -32 or -100 or -200 => SendOutcome.RetryLater,
        // the citizen has not interacted within 7 days: held until they write again
        -230 or -232 => SendOutcome.OutsideWindow,
        // a token we could not renew: retry once an admin re-authorises
        AccessTokenInvalid or AccessTokenExpired => SendOutcome.RetryLater,
        // not following, blocked, banned, restricted, bad payload, OA disabled, …: Zalo will never take it
        _ => SendOutcome.Undeliverable,
    };
}
