using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Channels.Zalo;

[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class ZaloJsonContext : JsonSerializerContext;
