using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Message ids of the items the inbox worker appends itself (a turn's replies still to deliver), kept apart from the
/// platforms' own ids (Zalo's are hexadecimal, Messenger's base64url: neither contains <c>#</c>).
/// </summary>
internal static class FollowUpIds
{
    /// <summary>The replies of <paramref name="item"/>'s turn that the platform did not take yet.</summary>
    public static string ForTurn(InboxItem item) => $"{item.MessageId}#replies";

    /// <summary>What a follow-up <paramref name="item"/> still has to deliver after part of it went out.</summary>
    public static string ForRest(InboxItem item) => $"{item.MessageId}#rest-{item.Id}";

    /// <summary>False for what a citizen sent through the platform.</summary>
    public static bool IsFollowUp(string messageId) => messageId.Contains('#', StringComparison.Ordinal);
}
