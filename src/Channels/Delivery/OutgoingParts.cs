using System.Text.Json;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>What a platform renderer needs from an outgoing activity, read the same way for every platform.</summary>
public static class OutgoingParts
{
    /// <summary>Only messages are shown; typing, traces and events have no place in a platform chat.</summary>
    public static bool IsShown(Activity activity) => activity.Type is null || activity.IsType(ActivityTypes.Message);

    public static IEnumerable<Attachment> Images(Activity activity) =>
        (activity.Attachments ?? []).Where(a =>
            a.ContentUrl is { Length: > 0 } url
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && (a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>The string a button sends back: its value as text, else its title.</summary>
    public static string Payload(CardAction action) => action.Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? action.Title ?? string.Empty,
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Number } v => v.GetRawText(),
        _ => action.Text ?? action.Title ?? string.Empty,
    };

    /// <summary>
    /// The text, and when there are more buttons than the platform shows, the rest listed under it so the citizen
    /// can still type one.
    /// </summary>
    public static string TextWithOverflow(Activity activity, IReadOnlyList<CardAction> buttons, int maxButtons)
    {
        var text = activity.Text ?? string.Empty;
        if (buttons.Count <= maxButtons)
        {
            return text;
        }

        var list = string.Join('\n', buttons.Select(b => "• " + (b.Title ?? Payload(b))));
        return string.IsNullOrWhiteSpace(text) ? list : text + "\n" + list;
    }

    public static IReadOnlyList<CardAction> Buttons(Activity activity) =>
        activity.SuggestedActions?.Actions is { Count: > 0 } actions ? actions : [];

    /// <summary>Cuts a title to <paramref name="max"/> characters, ending in an ellipsis when cut.</summary>
    public static string Shorten(string title, int max) =>
        title.Length <= max ? title : title[..(max - 1)].TrimEnd() + "…";
}
