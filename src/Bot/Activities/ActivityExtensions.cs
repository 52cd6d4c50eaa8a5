using System.Text.Json;

namespace PhanHoi.Bot.Activities;

public static class ActivityExtensions
{
    /// <summary>The first location the citizen shared in this activity, if any.</summary>
    public static GeoCoordinates? GetLocation(this Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.TryGetGeoCoordinates(out var coordinates))
            {
                return coordinates;
            }
        }

        return null;
    }

    /// <summary>
    /// The payload of a tapped button: a string <c>value</c>, or <c>value.quickReply</c> / <c>value.postback</c>
    /// as our channel adapters map Messenger and Zalo quick replies.
    /// </summary>
    public static string? GetButtonPayload(this Activity activity)
    {
        if (activity.Value is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (ReadOnlySpan<string>)["quickReply", "postback", "payload"])
            {
                if (value.TryGetProperty(name, out var payload) && payload.ValueKind == JsonValueKind.String)
                {
                    return payload.GetString();
                }
            }
        }

        return null;
    }
}
