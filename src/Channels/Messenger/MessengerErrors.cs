using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>Send API error <c>code</c>/<c>error_subcode</c> and what each means for a message.</summary>
public static class MessengerErrors
{
    public static SendOutcome Classify(int code, int? subcode) => (code, subcode) switch
    {
        // "This message is sent outside of allowed window": held until the citizen writes again.
        (10, 2018278) or (10, 2534022) => SendOutcome.OutsideWindow,
        // Temporary failure, unexpected error, and the rate-limit family: later.
        (1200, _) or (2, _) or (4, _) or (17, _) or (32, _) or (613, _) => SendOutcome.RetryLater,
        // An invalid or expired page token: a configuration fix, after which the message can still go.
        (190, _) => SendOutcome.RetryLater,
        // Blocked or unavailable person, bad PSID, permissions, invalid parameter: never.
        _ => SendOutcome.Undeliverable,
    };
}
