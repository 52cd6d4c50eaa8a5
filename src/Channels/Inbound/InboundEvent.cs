using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>
/// One platform event, normalised: <see cref="MessageId"/> is the platform's id for it (the inbox's idempotency
/// key) and <see cref="UserId"/> the citizen it came from (one conversation per citizen).
/// </summary>
public sealed record InboundEvent(string MessageId, string UserId, Activity Activity)
{
    public string ConversationKey(string channel) => $"{channel}:{UserId}";
}

/// <summary>
/// What a webhook delivery held: the events to run, in delivery order, how many were deliberately ignored
/// (echoes, receipts), and the names of kinds we do not know (logged, acknowledged).
/// </summary>
public sealed record ParsedWebhook(IReadOnlyList<InboundEvent> Events, int Ignored, IReadOnlyList<string> Unknown)
{
    public static ParsedWebhook Empty { get; } = new([], 0, []);
}
