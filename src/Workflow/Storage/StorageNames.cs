using System.Collections.Frozen;
using System.Text;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Enum values as stored: snake_case (<c>awaiting_info</c>, <c>remind_overdue</c>), the same as on the wire.</summary>
internal static class StorageNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ToText[value];

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        Names<TEnum>.FromText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidDataException($"Unknown {typeof(TEnum).Name} '{text}' in the store.");

    public static string? OfNullable<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    public static TEnum? ParseNullable<TEnum>(string? text)
        where TEnum : struct, Enum => text is null ? null : Parse<TEnum>(text);

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToText =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Snake(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromText =
            ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
