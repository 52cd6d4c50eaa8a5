using System.Text.Json.Serialization;
using PhanHoi.Bot.Dialogs.Prompts;

namespace PhanHoi.Bot.Dialogs.Scripted;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<SharedFile>))]
[JsonSerializable(typeof(SharedLocation))]
[JsonSerializable(typeof(SharedMessage))]
public sealed partial class DialogJsonContext : JsonSerializerContext;
