using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.State;

/// <summary>The Bot Framework's storage keys, so state is addressed the way the SDK does.</summary>
public static class StateKeys
{
    public static string Conversation(Activity activity) =>
        $"{activity.ChannelId}/conversations/{activity.Conversation?.Id ?? activity.From?.Id}";

    public static string User(Activity activity) => $"{activity.ChannelId}/users/{activity.From?.Id}";

    /// <summary>The same user key from a case's chat address, for writes outside a turn.</summary>
    public static string User(Workflow.Cases.CitizenAddress address) => $"{address.Channel}/users/{address.UserId}";
}
