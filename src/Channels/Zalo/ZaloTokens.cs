using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// The OA token pair as kept in the credential store (one credential, so the pair changes atomically).
/// <see cref="LeaseId"/>/<see cref="LeaseUntil"/> mark an instance that is refreshing right now.
/// </summary>
internal sealed record ZaloTokens(string? AccessToken, string RefreshToken, string? LeaseId = null, DateTimeOffset? LeaseUntil = null)
{
    public bool IsLeased(DateTimeOffset now) => LeaseId is not null && LeaseUntil > now;

    public string Serialize() => JsonSerializer.Serialize(this, ZaloTokensJsonContext.Default.ZaloTokens);

    public static ZaloTokens? Deserialize(string value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, ZaloTokensJsonContext.Default.ZaloTokens);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Zalo's OAuth answer; <c>expires_in</c> arrives as a string (<c>"90000"</c>).</summary>
internal sealed record ZaloTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] string? ExpiresIn);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ZaloTokens))]
internal sealed partial class ZaloTokensJsonContext : JsonSerializerContext;

/// <summary>The access token could not be obtained (refresh refused or impossible): an OA admin must re-authorise.</summary>
public sealed class ZaloTokenException(string message) : Exception(message);
