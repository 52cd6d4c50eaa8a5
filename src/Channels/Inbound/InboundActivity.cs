using System.Globalization;
using System.Text;
using System.Text.Json;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>The parts every platform event maps to the same way: addressing, time, text and locations.</summary>
public static class InboundActivity
{
    /// <summary>
    /// An activity from <paramref name="userId"/> to <paramref name="botId"/>, in the citizen's one conversation
    /// (its id is the user id: one conversation per citizen).
    /// </summary>
    public static Activity Create(string type, string channel, string id, DateTimeOffset? timestamp, string userId, string? botId) => new()
    {
        Type = type,
        Id = id,
        Timestamp = timestamp,
        ChannelId = channel,
        From = new ChannelAccount { Id = userId, Role = RoleTypes.User },
        Recipient = botId is null ? null : new ChannelAccount { Id = botId, Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = userId, IsGroup = false },
        Locale = "vi-VN",
    };

    /// <summary>Vietnamese text NFC-normalised (the same word typed on different keyboards compares equal), or null if blank.</summary>
    public static string? Text(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Normalize(NormalizationForm.FormC);

    /// <summary>Epoch milliseconds (number or string); values that are clearly seconds are read as seconds.</summary>
    public static DateTimeOffset? EpochTime(JsonElement element)
    {
        long value;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
        {
            value = number;
        }
        else if (element.ValueKind == JsonValueKind.String
                 && long.TryParse(((JsonElement?)element).String(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            return null;
        }

        try
        {
            return value < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static Entity Location(double latitude, double longitude, string? name) =>
        Entity.FromGeoCoordinates(new GeoCoordinates(latitude, longitude, InboundActivity.Text(name)));

    public static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, ActivityJsonContext.Default.String);
}

/// <summary>Tolerant reads of platform JSON: a missing or differently typed field is just absent.</summary>
internal static class JsonRead
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element is { } e ? e.Get(name) : null;

    /// <summary>A string, or a number's literal text (ids and sizes arrive both ways).</summary>
    public static string? String(this JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => Decoded(e),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };

    /// <summary>An identifier: a string or number that is not blank (an empty id names nobody and nothing).</summary>
    public static string? Id(this JsonElement? element) => element.String() is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>The string's text, or null when it is not text at all (invalid UTF-8, an unpaired surrogate escape).</summary>
    private static string? Decoded(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static string? String(this JsonElement element, string name) => element.Get(name).String();

    public static double? Number(this JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d) && double.IsFinite(d) => d,
        { ValueKind: JsonValueKind.String } e when double.TryParse(Decoded(e), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };

    public static bool IsTrue(this JsonElement? element) => element is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
