using System.Text.Json;

namespace PhanHoi.Bot.Activities;

/// <summary>
/// What a citizen agreed to share from their platform profile (Zalo's <c>user_submit_info</c>), as the channel
/// delivers it: an <c>event</c> activity named <c>shareInfo</c> with <c>value {name, phone}</c>.
/// </summary>
public sealed record SharedInfo(string? Name, string? Phone)
{
    public const string EventName = "shareInfo";

    public static bool IsSharedInfo(Activity activity) =>
        activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, EventName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared details, or null when the activity is not a share-info event.</summary>
    public static SharedInfo? From(Activity activity)
    {
        if (!IsSharedInfo(activity) || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        return new SharedInfo(Read(value, "name"), Read(value, "phone"));
    }

    /// <summary>The value of <c>name</c> or <c>phone</c>.</summary>
    public string? Field(string field) => field switch
    {
        "name" => Name,
        "phone" => Phone,
        _ => null,
    };

    private static string? Read(JsonElement value, string property) =>
        value.TryGetProperty(property, out var field) && field.ValueKind == JsonValueKind.String && field.GetString() is { Length: > 0 } text
            ? text.Normalize(System.Text.NormalizationForm.FormC).Trim()
            : null;

    public override string ToString() => "SharedInfo { *** }";
}
