using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Activities;

/// <summary>A file or card. The spec says to set <see cref="ContentUrl"/> or <see cref="Content"/>, not both.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
