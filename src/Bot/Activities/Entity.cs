using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Activities;

/// <summary>Activity metadata <c>{type, …}</c>: everything but <see cref="Type"/> lives in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// The location carried by a <c>GeoCoordinates</c> entity, or by a <c>Place</c> whose <c>geo</c> holds one.
    /// </summary>
    public bool TryGetGeoCoordinates(out GeoCoordinates coordinates)
    {
        coordinates = default;
        if (Properties is null)
        {
            return false;
        }

        if (string.Equals(Type, EntityTypes.GeoCoordinates, StringComparison.OrdinalIgnoreCase))
        {
            return GeoCoordinates.TryRead(Properties, out coordinates);
        }

        if (string.Equals(Type, EntityTypes.Place, StringComparison.OrdinalIgnoreCase)
            && Properties.TryGetValue("geo", out var geo) && geo.ValueKind == JsonValueKind.Object)
        {
            var inner = geo.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            if (!GeoCoordinates.TryRead(inner, out coordinates))
            {
                return false;
            }

            if (coordinates.Name is null && Properties.TryGetValue("address", out var address) && address.ValueKind == JsonValueKind.String)
            {
                coordinates = coordinates with { Name = address.GetString() };
            }

            return true;
        }

        return false;
    }

    public static Entity FromGeoCoordinates(GeoCoordinates coordinates)
    {
        var properties = new Dictionary<string, JsonElement>
        {
            ["latitude"] = JsonSerializer.SerializeToElement(coordinates.Latitude, ActivityJsonContext.Default.Double),
            ["longitude"] = JsonSerializer.SerializeToElement(coordinates.Longitude, ActivityJsonContext.Default.Double),
        };
        if (coordinates.Name is not null)
        {
            properties["name"] = JsonSerializer.SerializeToElement(coordinates.Name, ActivityJsonContext.Default.String);
        }

        return new Entity { Type = EntityTypes.GeoCoordinates, Properties = properties };
    }
}

/// <summary>A point on the map as the schema.org <c>GeoCoordinates</c> entity carries it.</summary>
public readonly record struct GeoCoordinates(double Latitude, double Longitude, string? Name = null)
{
    internal static bool TryRead(IReadOnlyDictionary<string, JsonElement> properties, out GeoCoordinates coordinates)
    {
        coordinates = default;
        if (!TryNumber(properties, "latitude", out var latitude) || !TryNumber(properties, "longitude", out var longitude))
        {
            return false;
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return false;
        }

        var name = properties.TryGetValue("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        coordinates = new GeoCoordinates(latitude, longitude, name);
        return true;
    }

    // Some channels send coordinates as strings; accept both rather than lose the citizen's location.
    private static bool TryNumber(IReadOnlyDictionary<string, JsonElement> properties, string name, out double value)
    {
        value = 0;
        if (!properties.TryGetValue(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
