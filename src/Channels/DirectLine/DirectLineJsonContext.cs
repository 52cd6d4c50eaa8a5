using System.Text.Json.Serialization;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>Source-generated JSON of the Direct Line wire (camelCase, nulls omitted, as the activity schema).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenPayload))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
