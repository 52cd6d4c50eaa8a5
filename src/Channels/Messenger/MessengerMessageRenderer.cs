using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Delivery;

namespace PhanHoi.Bot.Channels.Messenger;

/// <summary>
/// Activities as Send API bodies: text in pieces of at most 2000 characters, suggested actions as up to 13 quick
/// replies (titles cut to 20 characters, the button's value as payload) on the last piece, each image as its own
/// attachment message. <c>messaging_type</c> is RESPONSE for a reply and UPDATE for a notice.
/// </summary>
public static class MessengerMessageRenderer
{
    public const int TextLimit = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxTitle = 20;
    public const int MaxPayload = 1000;

    public static IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities, bool isReply)
    {
        var messagingType = isReply ? "RESPONSE" : "UPDATE";
        var bodies = new List<string>();
        foreach (var activity in activities.Where(OutgoingParts.IsShown))
        {
            var buttons = OutgoingParts.Buttons(activity);
            var links = buttons.Where(b => b.Type == ActionTypes.OpenUrl).ToList();
            var replies = buttons.Where(b => b.Type != ActionTypes.OpenUrl).ToList();
            var text = OutgoingParts.TextWithOverflow(activity, replies, MaxQuickReplies);
            if (links.Count > 0)
            {
                text += "\n" + string.Join('\n', links.Select(l => $"{l.Title}: {OutgoingParts.Payload(l)}"));
            }

            var pieces = TextSplitter.Split(text, TextLimit);
            for (var i = 0; i < pieces.Count; i++)
            {
                var message = new JsonObject { ["text"] = pieces[i] };
                if (i == pieces.Count - 1 && replies.Count > 0)
                {
                    message["quick_replies"] = QuickReplies(replies);
                }

                bodies.Add(Body(userId, messagingType, message));
            }

            foreach (var image in OutgoingParts.Images(activity))
            {
                bodies.Add(Body(userId, messagingType, new JsonObject
                {
                    ["attachment"] = new JsonObject
                    {
                        ["type"] = "image",
                        ["payload"] = new JsonObject { ["url"] = image.ContentUrl, ["is_reusable"] = true },
                    },
                }));
            }
        }

        return bodies;
    }

    private static JsonArray QuickReplies(IReadOnlyList<CardAction> buttons)
    {
        var array = new JsonArray();
        foreach (var button in buttons.Take(MaxQuickReplies))
        {
            var payload = OutgoingParts.Payload(button);
            var title = OutgoingParts.Shorten(button.Title ?? payload, MaxTitle);
            array.Add(new JsonObject
            {
                ["content_type"] = "text",
                ["title"] = title,
                ["payload"] = payload.Length <= MaxPayload ? payload : payload[..MaxPayload],
            });
        }

        return array;
    }

    private static string Body(string userId, string messagingType, JsonObject message) => new JsonObject
    {
        ["recipient"] = new JsonObject { ["id"] = userId },
        ["messaging_type"] = messagingType,
        ["message"] = message,
    }.ToJsonString();
}
