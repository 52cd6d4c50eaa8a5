using System.Text;

namespace PhanHoi.Bot.Definitions;

/// <summary>
/// The user-facing texts by key, loaded from <c>dialogs/*.yaml</c>. Variables are written <c>{name}</c>;
/// a variable with no value is left visible rather than silently dropped, so a template bug shows in tests.
/// </summary>
public sealed class MessageCatalog
{
    private readonly IReadOnlyDictionary<string, string> _texts;

    public MessageCatalog(IReadOnlyDictionary<string, string> texts) =>
        _texts = new Dictionary<string, string>(texts, StringComparer.Ordinal);

    public IEnumerable<string> Keys => _texts.Keys;

    public bool Contains(string key) => _texts.ContainsKey(key);

    public string Render(string key, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!_texts.TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException($"No dialog text '{key}' in dialogs/*.yaml.");
        }

        return values is null || values.Count == 0 ? template : Fill(template, values);
    }

    /// <summary>The <c>{name}</c> variables a template uses.</summary>
    public static IEnumerable<string> VariablesOf(string template)
    {
        var start = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                start = i;
            }
            else if (template[i] == '}' && start >= 0)
            {
                yield return template[(start + 1)..i];
                start = -1;
            }
        }
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            if (values.TryGetValue(name, out var value))
            {
                builder.Append(value);
            }
            else
            {
                builder.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return builder.ToString();
    }
}
