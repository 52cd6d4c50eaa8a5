using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Activities;

/// <summary>
/// Writes UTC instants with a trailing <c>Z</c> as the spec requires for <c>timestamp</c> (A2040), and other
/// offsets as given, so a round-trip keeps the channel's form.
/// </summary>
public sealed class WireTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (value.Value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.Value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
