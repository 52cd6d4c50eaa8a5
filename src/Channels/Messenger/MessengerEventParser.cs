using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Inbound;

namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>
/// Turns a Messenger webhook batch (<c>object: page</c>, every <c>entry[]</c>, every <c>messaging[]</c>, in order)
/// into activities: messages (text, quick-reply payload as <c>value.quickReply</c>, attachments, location entity),
/// postbacks (<c>value.postback</c>; the Get Started payload as a conversationUpdate). Echoes, deliveries, reads and
/// standby events are ignored; other kinds are reported as unknown.
/// </summary>
public static class MessengerEventParser
{
    public const string Channel = "facebook";

    private static readonly string[] IgnoredKinds = ["delivery", "read", "reaction", "message_edit", "optin", "referral", "account_linking", "pass_thread_control", "take_thread_control", "request_thread_control", "policy_enforcement"];

    public static ParsedWebhook Parse(JsonElement body, string getStartedPayload)
    {
        if (body.String("object") != "page")
        {
            return new ParsedWebhook([], 0, [$"object:{body.String("object") ?? "(none)"}"]);
        }

        var events = new List<InboundEvent>();
        var unknown = new List<string>();
        var ignored = 0;
        foreach (var entry in body.Get("entry").Items())
        {
            // Standby: another app owns the thread (handover); the bot must not answer.
            ignored += entry.Get("standby").Items().Count();
            foreach (var item in entry.Get("messaging").Items())
            {
                switch (Read(item, getStartedPayload))
                {
                    case { Event: { } inbound }:
                        events.Add(inbound);
                        break;
                    case { Ignored: true }:
                        ignored++;
                        break;
                    case { Kind: var kind }:
                        unknown.Add(kind);
                        break;
                }
            }
        }

        return new ParsedWebhook(events, ignored, unknown);
    }

    private static (InboundEvent? Event, bool Ignored, string Kind) Read(JsonElement item, string getStartedPayload)
    {
        var userId = item.Get("sender").Get("id").Id();
        var pageId = item.Get("recipient").Get("id").String();
        var timestamp = InboundActivity.EpochTime(item.Get("timestamp") ?? default);
        if (item.Get("message") is { } message)
        {
            if (message.Get("is_echo").IsTrue())
            {
                return (null, true, "echo");
            }

            return userId is null || message.Get("mid").Id() is not { } mid
                ? (null, false, "message without sender or mid")
                : (Message(message, mid, userId, pageId, timestamp), false, "message");
        }

        if (item.Get("postback") is { } postback)
        {
            return userId is null ? (null, false, "postback without sender") : (Postback(postback, item, userId, pageId, timestamp, getStartedPayload), false, "postback");
        }

        var kind = item.ValueKind == JsonValueKind.Object
            ? item.EnumerateObject().Select(NameOf).FirstOrDefault(n => n is not ("sender" or "recipient" or "timestamp")) ?? "(empty)"
            : "(not an object)";
        return (null, IgnoredKinds.Contains(kind), kind);
    }

    /// <summary>A property's name, or a placeholder when it is not text (invalid UTF-8, an unpaired surrogate escape).</summary>
    private static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return "(undecodable)";
        }
    }

    private static InboundEvent Message(JsonElement message, string mid, string userId, string? pageId, DateTimeOffset? timestamp)
    {
        var activity = InboundActivity.Create(ActivityTypes.Message, Channel, mid, timestamp, userId, pageId);
        var text = InboundActivity.Text(message.String("text"));
        if (message.Get("quick_reply").Get("payload").String() is { } payload)
        {
            // Our quick replies carry the button's value; like an imBack it is also the text the bot reads.
            activity.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["quickReply"] = payload }, MessengerJsonContext.Default.DictionaryStringString);
            text = InboundActivity.Text(payload) ?? text;
        }

        var attachments = new List<Attachment>();
        var entities = new List<Entity>();
        foreach (var attachment in message.Get("attachments").Items())
        {
            var type = attachment.String("type") ?? "file";
            var content = attachment.Get("payload");
            if (type == "location" && content.Get("coordinates") is { } coordinates
                && coordinates.Get("lat").Number() is { } latitude && coordinates.Get("long").Number() is { } longitude)
            {
                entities.Add(InboundActivity.Location(latitude, longitude, attachment.String("title")));
            }
            else if (type == "fallback")
            {
                text = string.Join(' ', new[] { text, content.Get("url").String() ?? attachment.String("url") }.Where(s => !string.IsNullOrEmpty(s)));
            }
            else if (content.Get("url").String() is { Length: > 0 } url)
            {
                var name = attachment.String("title") ?? content.Get("title").String();
                attachments.Add(new Attachment { ContentType = MediaTypes.ForKind(type, name ?? FileName(url)), ContentUrl = url, Name = name });
            }
        }

        activity.Text = text;
        activity.Attachments = attachments.Count > 0 ? attachments : null;
        activity.Entities = entities.Count > 0 ? entities : null;
        return new InboundEvent(mid, userId, activity);
    }

    private static InboundEvent Postback(
        JsonElement postback, JsonElement item, string userId, string? pageId, DateTimeOffset? timestamp, string getStartedPayload)
    {
        var payload = postback.String("payload");
        // Postbacks carry a mid since Graph v11; older ones are identified by who, when and what.
        var id = postback.Get("mid").Id() ?? $"postback:{userId}:{item.Get("timestamp").String()}:{payload}";
        if (payload == getStartedPayload)
        {
            var update = InboundActivity.Create(ActivityTypes.ConversationUpdate, Channel, id, timestamp, userId, pageId);
            update.MembersAdded = [new ChannelAccount { Id = userId, Role = RoleTypes.User }];
            return new InboundEvent(id, userId, update);
        }

        var activity = InboundActivity.Create(ActivityTypes.Message, Channel, id, timestamp, userId, pageId);
        activity.Text = InboundActivity.Text(payload) ?? InboundActivity.Text(postback.String("title"));
        activity.Value = JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { ["postback"] = payload ?? string.Empty, ["title"] = postback.String("title") ?? string.Empty },
            MessengerJsonContext.Default.DictionaryStringString);
        return new InboundEvent(id, userId, activity);
    }

    private static string? FileName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name ? name : null;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MessengerJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
