using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Delivery;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Activities as bodies for <c>POST /v3.0/oa/message/cs</c>: text in pieces of at most 2000 characters, suggested
/// actions as up to 5 buttons on the last piece (<c>oa.query.show</c> sends the value back as the citizen's text;
/// <c>openUrl</c>/<c>call</c> map to <c>oa.open.url</c>/<c>oa.open.phone</c>), images as a media template.
/// </summary>
public static class ZaloMessageRenderer
{
    public const int TextLimit = 2000;
    public const int MaxButtons = 5;
    public const int MaxButtonTitle = 100;

    public static IReadOnlyList<string> Render(string userId, IReadOnlyList<Activity> activities)
    {
        var bodies = new List<string>();
        foreach (var activity in activities.Where(OutgoingParts.IsShown))
        {
            var buttons = OutgoingParts.Buttons(activity);
            var pieces = TextSplitter.Split(OutgoingParts.TextWithOverflow(activity, buttons, MaxButtons), TextLimit);
            for (var i = 0; i < pieces.Count; i++)
            {
                var message = new JsonObject { ["text"] = pieces[i] };
                if (i == pieces.Count - 1 && buttons.Count > 0)
                {
                    message["attachment"] = ButtonTemplate(buttons);
                }

                bodies.Add(Body(userId, message));
            }

            foreach (var image in OutgoingParts.Images(activity))
            {
                bodies.Add(Body(userId, new JsonObject
                {
                    ["attachment"] = new JsonObject
                    {
                        ["type"] = "template",
                        ["payload"] = new JsonObject
                        {
                            ["template_type"] = "media",
                            ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["url"] = image.ContentUrl }),
                        },
                    },
                }));
            }
        }

        return bodies;
    }

    private static JsonObject ButtonTemplate(IReadOnlyList<CardAction> buttons)
    {
        var array = new JsonArray();
        foreach (var button in buttons.Take(MaxButtons))
        {
            var payload = OutgoingParts.Payload(button);
            var title = OutgoingParts.Shorten(button.Title ?? payload, MaxButtonTitle);
            array.Add(button.Type switch
            {
                ActionTypes.OpenUrl => new JsonObject { ["title"] = title, ["type"] = "oa.open.url", ["payload"] = new JsonObject { ["url"] = payload } },
                ActionTypes.Call => new JsonObject { ["title"] = title, ["type"] = "oa.open.phone", ["payload"] = new JsonObject { ["phone_code"] = payload.Replace("tel:", string.Empty, StringComparison.OrdinalIgnoreCase) } },
                _ => new JsonObject { ["title"] = title, ["type"] = "oa.query.show", ["payload"] = payload },
            });
        }

        return new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["buttons"] = array } };
    }

    private static string Body(string userId, JsonObject message) =>
        new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message }.ToJsonString();
}
