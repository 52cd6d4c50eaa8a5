using System.Text.Json.Serialization;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>The Direct Line <c>Conversation</c> object: answer to token and conversation requests.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>The Direct Line <c>ActivitySet</c>: activities after a watermark and the watermark to ask from next.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
