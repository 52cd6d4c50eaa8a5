using System.Text.Json;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// A platform's "share your details" answer (Zalo's <c>user_submit_info</c>), as the channel delivers it: an event
/// named <c>shareInfo</c> whose value holds <c>name</c> and <c>phone</c>. A prompt declared with
/// <c>sharedInfo: name</c> or <c>sharedInfo: phone</c> accepts it as if the citizen had typed that field.
/// </summary>
public static class SharedInfo
{
    public const string EventName = "shareInfo";

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "name", "phone" };

    public static bool IsSharedInfo(this Activity activity) =>
        activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, EventName, StringComparison.Ordinal);

    /// <summary>The shared <paramref name="field"/>, or null when this is not a shareInfo event or it lacks the field.</summary>
    public static string? Field(Activity activity, string field) =>
        activity.IsSharedInfo()
        && activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(text.GetString())
            ? text.GetString()
            : null;

    /// <summary>The field as a typed message from the same citizen, for the prompt's usual recognizer and validators.</summary>
    public static Activity AsMessage(Activity activity, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = activity.Id,
        Timestamp = activity.Timestamp,
        ChannelId = activity.ChannelId,
        From = activity.From,
        Recipient = activity.Recipient,
        Conversation = activity.Conversation,
        Locale = activity.Locale,
        Text = text,
    };
}
