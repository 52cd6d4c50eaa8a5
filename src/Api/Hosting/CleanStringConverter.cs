using System.Text.Json;
using System.Text.Json.Serialization;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>Every string a request body carries, NFC and without control characters (<see cref="PlainText.Clean"/>).</summary>
public sealed class CleanStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? PlainText.Clean(reader.GetString())
            : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
