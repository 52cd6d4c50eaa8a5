using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhanHoi.Bot.Activities;

/// <summary>Buttons shown with a message (quick replies on Messenger, buttons in Web Chat).</summary>
public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ImageAltText { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A button that sends its value back as visible text: the simplest kind every channel renders.</summary>
    public static CardAction ImBack(string title, string value) => new()
    {
        Type = ActionTypes.ImBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(value, ActivityJsonContext.Default.String),
    };

    /// <summary>A button that sends its value back unseen (e.g. <c>rate:TH-0042</c>): the title is what the citizen reads.</summary>
    public static CardAction PostBack(string title, string value) => new()
    {
        Type = ActionTypes.PostBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(value, ActivityJsonContext.Default.String),
    };
}
