using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Inbound;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Turns one Zalo OA webhook body into activities: <c>user_send_*</c> → message (text, attachments, location
/// entity), <c>follow</c>/<c>unfollow</c> → conversationUpdate, <c>user_submit_info</c> → event <c>shareInfo</c>.
/// The OA's own echoes and delivery/seen receipts are ignored; other event names are reported as unknown.
/// </summary>
public static class ZaloEventParser
{
    public const string Channel = "zalo";

    /// <summary>The event the bot's name and phone prompts accept from Zalo's "share your information" card.</summary>
    public const string ShareInfoEvent = Activities.SharedInfo.EventName;

    public static ParsedWebhook Parse(JsonElement body)
    {
        var eventName = body.String("event_name");
        if (eventName is null)
        {
            return new ParsedWebhook([], 0, ["(no event_name)"]);
        }

        if (IsIgnored(eventName))
        {
            return new ParsedWebhook([], 1, []);
        }

        var inbound = eventName switch
        {
            "follow" or "unfollow" => Membership(body, eventName),
            "user_submit_info" => SharedInfo(body),
            _ when eventName.StartsWith("user_send_", StringComparison.Ordinal) => Message(body, eventName["user_send_".Length..]),
            _ => null,
        };

        return inbound is null ? new ParsedWebhook([], 0, [eventName]) : new ParsedWebhook([inbound], 0, []);
    }

    /// <summary>The OA's own messages echoed back, and receipts for them: never fed to the bot (it would answer itself).</summary>
    private static bool IsIgnored(string eventName) =>
        eventName.StartsWith("oa_send_", StringComparison.Ordinal)
        || eventName is "user_received_message" or "user_seen_message" or "user_reacted_message" or "oa_reacted_message";

    private static InboundEvent? Message(JsonElement body, string kind)
    {
        var userId = body.Get("sender").Get("id").Id();
        var message = body.Get("message");
        var messageId = message.Get("msg_id").Id();
        if (userId is null || messageId is null || message is not { } content)
        {
            return null;
        }

        var activity = InboundActivity.Create(
            ActivityTypes.Message, Channel, messageId, InboundActivity.EpochTime(body.Get("timestamp") ?? default), userId, body.Get("recipient").Get("id").String());
        var caption = InboundActivity.Text(content.String("text"));
        var attachments = new List<Attachment>();
        var entities = new List<Entity>();
        foreach (var attachment in content.Get("attachments").Items())
        {
            var type = attachment.String("type") ?? kind;
            var payload = attachment.Get("payload");
            if (type == "location")
            {
                var coordinates = payload.Get("coordinates");
                if (coordinates.Get("latitude").Number() is { } latitude && coordinates.Get("longitude").Number() is { } longitude)
                {
                    entities.Add(InboundActivity.Location(latitude, longitude, caption));
                }

                caption = null; // the caption of a location is its label, kept on the entity
            }
            else if (type == "link")
            {
                caption = string.Join(' ', new[] { caption, payload.Get("url").String() }.Where(s => !string.IsNullOrEmpty(s)));
            }
            else if (payload.Get("url").String() is { Length: > 0 } url)
            {
                var name = payload.Get("name").String();
                attachments.Add(new Attachment
                {
                    ContentType = MediaTypes.ForKind(type, name ?? payload.Get("type").String()),
                    ContentUrl = url,
                    Name = name,
                    ThumbnailUrl = payload.Get("thumbnail").String(),
                });
            }
        }

        activity.Text = InboundActivity.Text(caption);
        activity.Attachments = attachments.Count > 0 ? attachments : null;
        activity.Entities = entities.Count > 0 ? entities : null;
        return new InboundEvent(messageId, userId, activity);
    }

    private static InboundEvent? Membership(JsonElement body, string eventName)
    {
        var userId = body.Get("follower").Get("id").Id();
        var timestamp = body.String("timestamp");
        if (userId is null)
        {
            return null;
        }

        // Follow events carry no msg_id; the event, the follower and the time identify a re-delivery.
        var id = $"{eventName}:{userId}:{timestamp}";
        var activity = InboundActivity.Create(
            ActivityTypes.ConversationUpdate, Channel, id, InboundActivity.EpochTime(body.Get("timestamp") ?? default), userId, body.String("oa_id"));
        var member = new ChannelAccount { Id = userId, Role = RoleTypes.User };
        if (eventName == "follow")
        {
            activity.MembersAdded = [member];
        }
        else
        {
            activity.MembersRemoved = [member];
        }

        return new InboundEvent(id, userId, activity);
    }

    private static InboundEvent? SharedInfo(JsonElement body)
    {
        var userId = body.Get("sender").Get("id").Id();
        var info = body.Get("info");
        if (userId is null || info is null)
        {
            return null;
        }

        var timestamp = body.String("timestamp");
        var id = body.Get("message").Get("msg_id").Id() ?? $"user_submit_info:{userId}:{timestamp}";
        var activity = InboundActivity.Create(
            ActivityTypes.Event, Channel, id, InboundActivity.EpochTime(body.Get("timestamp") ?? default), userId, body.Get("recipient").Get("id").String());
        activity.Name = ShareInfoEvent;
        activity.Value = JsonSerializer.SerializeToElement(
            new Dictionary<string, string?>
            {
                ["name"] = InboundActivity.Text(info.Get("name").String())?.Trim(),
                ["phone"] = Phone(info.Get("phone").String()),
            },
            ZaloJsonContext.Default.DictionaryStringString);
        return new InboundEvent(id, userId, activity);
    }

    /// <summary>Zalo sends <c>84912345678</c>: written as <c>+84912345678</c> so no reader mistakes it for a local number.</summary>
    private static string? Phone(string? phone)
    {
        var digits = phone is null ? null : new string([.. phone.Where(char.IsAsciiDigit)]);
        return string.IsNullOrEmpty(digits) ? null
            : digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11 ? "+" + digits
            : digits;
    }
}
