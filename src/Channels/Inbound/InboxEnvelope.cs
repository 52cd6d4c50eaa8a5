using System.Text.Json;
using System.Text.Json.Serialization;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>
/// What an inbox item carries: either a citizen's activity waiting for its turn, or the rest of a turn's replies
/// whose delivery an outage cut short (platform request bodies, sent as they are).
/// </summary>
public sealed class InboxEnvelope
{
    public Activity? Activity { get; init; }

    public List<string>? Outgoing { get; init; }

    /// <summary>With <see cref="Outgoing"/>: the citizen these replies go to.</summary>
    public string? UserId { get; init; }

    /// <summary>
    /// With <see cref="Outgoing"/>: the platform's id of the citizen's message these replies answer, so a delivery cut off
    /// by a crash can read back from the platform's history what went out after it.
    /// </summary>
    public string? Answering { get; init; }

    public static InboxEnvelope ForActivity(Activity activity) => new() { Activity = activity };

    public static InboxEnvelope ForOutgoing(IEnumerable<string> bodies, string? userId = null, string? answering = null) =>
        new() { Outgoing = [.. bodies], UserId = userId, Answering = answering };

    public string Serialize() => JsonSerializer.Serialize(this, InboxEnvelopeJsonContext.Default.InboxEnvelope);

    /// <summary>The envelope, or null when the payload is not one (an item written by something else).</summary>
    public static InboxEnvelope? Deserialize(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(payload, InboxEnvelopeJsonContext.Default.InboxEnvelope);
            return envelope is { Activity: not null } or { Outgoing: not null } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboxEnvelope))]
internal sealed partial class InboxEnvelopeJsonContext : JsonSerializerContext;
