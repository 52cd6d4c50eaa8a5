namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>
/// One message of a citizen's conversation as the platform's history API shows it: its platform id, whether the
/// OA/page sent it (rather than the citizen), its text (null when it has none, e.g. an image) and when the platform
/// says it was sent (Messenger to the second).
/// </summary>
public sealed record HistoryMessage(string? Id, bool FromBusiness, string? Text, DateTimeOffset? SentAt = null);
