using System.Text.Json.Serialization;

namespace PhanHoi.Bot.State;

/// <summary>Compact, source-generated JSON for stored state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(UserData))]
public sealed partial class StateJsonContext : JsonSerializerContext;
