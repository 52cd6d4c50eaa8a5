using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>The identities a turn is keyed by, for locks, limits and state.</summary>
public static class TurnKeys
{
    /// <summary><c>{channelId}:{conversation.id}</c>; one citizen has one conversation per channel.</summary>
    public static string Conversation(Activity activity) =>
        Conversation(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? activity.From?.Id ?? "unknown");

    /// <inheritdoc cref="Conversation(Activity)"/>
    public static string Conversation(string channelId, string conversationId) => $"{channelId}:{conversationId}";

    /// <summary><c>{channelId}:{from.id}</c>: the citizen as the platform knows them.</summary>
    public static string Citizen(Activity activity) =>
        $"{activity.ChannelId ?? "unknown"}:{activity.From?.Id ?? "unknown"}";

    /// <summary>Whether a person typed or tapped this, as opposed to a platform event or a proactive turn.</summary>
    public static bool IsFromCitizen(Activity activity) =>
        activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.ConversationUpdate) || SharedInfo.IsSharedInfo(activity);
}
