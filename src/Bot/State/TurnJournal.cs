using System.Text.Json;
using System.Text.Json.Serialization;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.State;

/// <summary>
/// The last committed turn of a conversation whose replies are delivered after the turn
/// (<see cref="Turns.IDeferredActivitySender"/>): saved in the same write as the dialog state, so a message handed
/// over again after a crash finds either the state before it (and runs) or its own journal (and its replies are sent
/// again, without filing anything twice). <see cref="Replies"/> is encrypted at rest like the personal answers.
/// </summary>
public sealed class TurnJournal
{
    public string ActivityId { get; set; } = string.Empty;

    /// <summary>The replies as Bot Framework JSON (an array of activities).</summary>
    public string Replies { get; set; } = "[]";

    public static TurnJournal Record(string activityId, IReadOnlyList<Activity> replies) => new()
    {
        ActivityId = activityId,
        Replies = JsonSerializer.Serialize([.. replies], ActivityJsonContext.Default.ListActivity),
    };

    public bool Answers(Activity activity) =>
        !string.IsNullOrEmpty(activity.Id) && string.Equals(ActivityId, activity.Id, StringComparison.Ordinal);

    /// <summary>Opens <see cref="Replies"/> when they were left sealed at load (see <see cref="ConversationDataProtection"/>).</summary>
    [JsonIgnore]
    internal Func<string, string>? Open { get; set; }

    public List<Activity> ReadReplies()
    {
        var replies = Open is { } open ? open(Replies)
            : Replies.StartsWith(ConversationDataProtection.Marker, StringComparison.Ordinal)
                ? throw new InvalidOperationException("The journal's replies are sealed: read the journal through the state that loaded it.")
                : Replies;
        return JsonSerializer.Deserialize(replies, ActivityJsonContext.Default.ListActivity) ?? [];
    }

    /// <summary>Sends this journal's replies again in <paramref name="turn"/>, which then counts as a replay.</summary>
    public async Task ReplayAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        turn.TurnState.Set(ReplayedKey, this);
        await turn.SendActivitiesAsync(ReadReplies(), cancellationToken);
    }

    /// <summary>
    /// True when the turn only sent a journal's replies again: the message had been handled before (an instance died
    /// before marking it done), and those replies may already have reached the citizen.
    /// </summary>
    public static bool WasReplayed(ITurnContext turn) => turn.TurnState.Get<TurnJournal>(ReplayedKey) is not null;

    private const string ReplayedKey = "turn-journal.replayed";
}
