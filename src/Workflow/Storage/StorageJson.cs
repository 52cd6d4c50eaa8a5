using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>JSON of the stored documents (case body, notices, keywords): camelCase, enums as snake_case text.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
