using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Addresses activities for the log: what the user posted (identity from the token, never from the body) and what
/// the bot sends (its own account, role <c>bot</c>, so Web Chat draws it on the other side).
/// </summary>
public sealed class DirectLineActivities(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly DirectLineOptions settings = options.Value;

    public ChannelAccount Bot => new() { Id = settings.BotId, Name = settings.BotName, Role = RoleTypes.Bot };

    /// <summary>
    /// The user's activity as the bot and the log see it: channel, conversation, sender and time set by us; text NFC;
    /// <c>channelData</c> (Web Chat's <c>clientActivityID</c>) kept so the client recognises its echo. Attachments are
    /// kept only when they point at files uploaded here (<paramref name="isOwnUpload"/>).
    /// </summary>
    public Activity FromUser(Activity posted, string conversationId, string userId, string serviceUrl, Func<string?, bool> isOwnUpload)
    {
        posted.Id = null;
        posted.Timestamp = clock.GetUtcNow();
        posted.ChannelId = DirectLineChannel.ChannelId;
        posted.ServiceUrl = serviceUrl;
        posted.Conversation = new ConversationAccount { Id = conversationId };
        posted.From = new ChannelAccount { Id = userId, Name = Clean(posted.From?.Name, 64), Role = RoleTypes.User };
        posted.Recipient = Bot;
        posted.ReplyToId = null;
        posted.RelatesTo = null;
        posted.Text = posted.Text?.Normalize(NormalizationForm.FormC);
        posted.Attachments = posted.Attachments?.Where(a => isOwnUpload(a.ContentUrl)).ToList() is { Count: > 0 } own ? own : null;
        return posted;
    }

    /// <summary>An outgoing activity (reply or notice) written into <paramref name="conversationId"/> of <paramref name="userId"/>.</summary>
    public Activity FromBot(Activity outgoing, string conversationId, string userId)
    {
        var copy = Clone(outgoing);
        copy.Id = null;
        copy.Type ??= ActivityTypes.Message;
        copy.Timestamp = clock.GetUtcNow();
        copy.ChannelId = DirectLineChannel.ChannelId;
        copy.Conversation = new ConversationAccount { Id = conversationId };
        copy.From = Bot;
        copy.Recipient = new ChannelAccount { Id = userId, Role = RoleTypes.User };
        return copy;
    }

    /// <summary>The <c>conversationUpdate</c> Direct Line gives the bot when a user joins, so it greets them.</summary>
    public Activity UserJoined(string conversationId, string userId, string serviceUrl) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = clock.GetUtcNow(),
        ChannelId = DirectLineChannel.ChannelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = userId, Role = RoleTypes.User },
        Recipient = Bot,
        MembersAdded = [new ChannelAccount { Id = userId, Role = RoleTypes.User }],
    };

    private static Activity Clone(Activity activity) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJsonContext.Default.Activity), ActivityJsonContext.Default.Activity)!;

    private static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().Normalize(NormalizationForm.FormC);
        return trimmed.Length <= max ? trimmed : trimmed[..max];
    }
}
