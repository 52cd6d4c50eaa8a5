using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Dialogs;

/// <summary>
/// One frame of the dialog stack as stored: which dialog, which step, how many failed tries, and the values
/// collected so far. Short names keep ten thousand stored conversations small.
/// </summary>
public sealed class DialogInstance
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("step")]
    public int Step { get; set; }

    [JsonPropertyName("tries")]
    public int Tries { get; set; }

    /// <summary>Variables for rendering a prompt's text again (re-prompt, help, resumption).</summary>
    [JsonPropertyName("vars")]
    public Dictionary<string, string>? Variables { get; set; }

    [JsonPropertyName("values")]
    public JsonObject? Values { get; set; }
}
