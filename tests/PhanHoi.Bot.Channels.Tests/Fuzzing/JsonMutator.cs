using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Fuzzing;

/// <summary>
/// Seeded generator of hostile request bodies from valid ones: fields dropped, values of the wrong type, huge,
/// unicode-heavy and control-character strings, odd numbers, unknown fields, truncation, flipped bytes, random bytes
/// and deep nesting. The same seed gives the same bodies, so a failure is reproducible from the seed and index.
/// </summary>
public sealed class JsonMutator(int seed)
{
    private const string Raw = "\u0001raw:";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Strings =
    [
        string.Empty,
        " ",
        "\u0000\u0001\u0007\b\f\n\r\t\u001b\u001f",
        "😀🇻🇳👨‍👩‍👧‍👦",
        "Tie\u0302\u0301ng Vie\u0323\u0302t", // NFD Vietnamese
        "\u202eRTL override\u202c",
        "\ufeff\u200b\u200d",
        "\ud800", // a lone surrogate
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "{{ template }} ${env}",
        "null",
        "1e309",
        "http://127.0.0.1:1/",
        "TH-2026-000001",
    ];

    private readonly Random random = new(seed);

    public int Seed => seed;

    /// <summary>The next body derived from one of <paramref name="seeds"/> (valid JSON documents).</summary>
    public byte[] Next(IReadOnlyList<string> seeds)
    {
        var source = seeds[random.Next(seeds.Count)];
        return random.Next(12) switch
        {
            < 6 => Serialise(Mutate(JsonNode.Parse(source)!, 1 + random.Next(3))),
            6 => Truncate(Serialise(Mutate(JsonNode.Parse(source)!, random.Next(2)))),
            7 => FlipBytes(Encoding.UTF8.GetBytes(source)),
            8 => RandomBytes(),
            9 => Deep(source),
            10 => Serialise(Mutate(JsonNode.Parse(source)!, 6 + random.Next(10))),
            _ => Serialise(WithRawValue(JsonNode.Parse(source)!)),
        };
    }

    private JsonNode Mutate(JsonNode root, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var slots = Slots(root).ToList();
            if (slots.Count == 0)
            {
                return root;
            }

            var (parent, key, index) = slots[random.Next(slots.Count)];
            var action = random.Next(6);
            if (action == 0 || (action == 1 && parent is JsonArray))
            {
                Remove(parent, key, index);
            }
            else if (action == 1 && parent is JsonObject extra)
            {
                extra["x_" + random.Next(1000)] = Value();
            }
            else
            {
                Set(parent, key, index, Value());
            }
        }

        return root;
    }

    /// <summary>A value of any type, mostly the awkward ones.</summary>
    private JsonNode? Value() => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(5) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => -1L, 3 => 0L, _ => random.NextInt64() }),
        3 => JsonValue.Create(random.Next(4) switch { 0 => double.MaxValue, 1 => double.Epsilon, 2 => -0.0, _ => random.NextDouble() * 1e6 }),
        4 => JsonValue.Create(decimal.MaxValue),
        5 => new JsonArray(Value(), Value()),
        6 => new JsonObject { ["id"] = Value(), ["text"] = Value() },
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => JsonValue.Create(new string((char)random.Next(0x20, 0x2FFF), random.Next(20_000, 120_000))),
        10 => JsonValue.Create(RandomText(random.Next(1, 300))),
        _ => JsonValue.Create(Strings[random.Next(Strings.Length)]),
    };

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0x300, 0x370), // combining marks
                2 => (char)random.Next(0x1EA0, 0x1EFA), // precomposed Vietnamese
                3 => (char)random.Next(0xD800, 0xE000), // surrogates, paired or not
                _ => (char)random.Next(0x20, 0x7F),
            });
        }

        return builder.ToString();
    }

    /// <summary>A field replaced by raw text a serialiser would never write: huge or malformed numbers, bare words.</summary>
    private JsonNode WithRawValue(JsonNode root)
    {
        var slots = Slots(root).ToList();
        if (slots.Count > 0)
        {
            var (parent, key, index) = slots[random.Next(slots.Count)];
            string[] raw = ["1e400", "-1e400", "123456789012345678901234567890", "01", "-", "NaN", "Infinity", "1.", ".5", "0x10", "tru", "\"\\ud800\"", "\"\\u0000\"", "\"a\" \"b\""];
            Set(parent, key, index, JsonValue.Create(Raw + raw[random.Next(raw.Length)]));
        }

        return root;
    }

    private byte[] Serialise(JsonNode node)
    {
        var text = node.ToJsonString(random.Next(2) == 0 ? Relaxed : JsonSerializerOptions.Default);
        // raw values were stored as marked strings: put them back unquoted
        var marker = JsonSerializer.Serialize(Raw, Relaxed)[1..^1];
        var escaped = JsonSerializer.Serialize(Raw)[1..^1];
        foreach (var mark in new[] { marker, escaped })
        {
            var at = text.IndexOf("\"" + mark, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = text.IndexOf('"', at + 1 + mark.Length);
                while (end > 0 && text[end - 1] == '\\')
                {
                    end = text.IndexOf('"', end + 1);
                }

                var inner = JsonSerializer.Deserialize<string>(text[at..(end + 1)])![Raw.Length..];
                text = text[..at] + inner + text[(end + 1)..];
                at = text.IndexOf("\"" + mark, StringComparison.Ordinal);
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] Truncate(byte[] body) => body[..random.Next(body.Length + 1)];

    private byte[] FlipBytes(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < 1 + random.Next(8) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Arrays or objects nested far deeper than any parser's default limit, in place of the body or a field.</summary>
    private byte[] Deep(string source)
    {
        var depth = random.Next(2) == 0 ? random.Next(60, 70) : random.Next(1_000, 20_000);
        var nested = random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        if (random.Next(3) == 0)
        {
            return Encoding.UTF8.GetBytes(nested);
        }

        var root = JsonNode.Parse(source)!;
        var slots = Slots(root).ToList();
        var (parent, key, index) = slots[random.Next(slots.Count)];
        Set(parent, key, index, JsonValue.Create(Raw + nested));
        return Serialise(root);
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else if (parent is JsonArray array && index < array.Count)
        {
            array.RemoveAt(index);
        }
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else if (parent is JsonArray array && index < array.Count)
        {
            array[index] = value;
        }
    }
}
