using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// What a reply says, with what legitimately differs between two citizens (tracking codes, dates, times) blanked,
/// so a citizen's replies can be compared with the calibrated dialog.
/// </summary>
public static partial class ReplySignature
{
    public static string Of(JsonObject message)
    {
        string raw;
        if (message["type"]?.GetValue<string>() == "message")
        {
            // a Bot Framework activity: what the citizen sees, without ids and timestamps
            raw = (message["text"]?.ToJsonString() ?? string.Empty)
                + (message["suggestedActions"]?.ToJsonString() ?? string.Empty)
                + (message["attachments"]?.ToJsonString() ?? string.Empty);
        }
        else
        {
            raw = message.ToJsonString();
        }

        return Variable().Replace(raw, "#");
    }

    public static bool CarriesTrackingCode(JsonObject message) =>
        (message["text"]?.GetValue<string>() ?? message.ToJsonString()).Contains("TH-", StringComparison.Ordinal);

    [GeneratedRegex(@"TH-[0-9A-Za-z\-]+|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}")]
    private static partial Regex Variable();
}
