using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.BotFramework;

namespace PhanHoi.Bot.Api.Chat;

/// <summary>What an incoming Bot Framework activity must carry before the bot sees it.</summary>
public static class ActivityChecks
{
    public static Dictionary<string, string[]> Validate(Activity? activity, BotFrameworkOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (activity is null)
        {
            errors["body"] = ["An activity is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            errors["type"] = ["type is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            errors["channelId"] = ["channelId is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            errors["conversation"] = ["conversation.id is required."];
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            errors["from"] = ["from.id is required."];
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || serviceUrl.Scheme is not ("http" or "https"))
        {
            errors["serviceUrl"] = ["serviceUrl must be an absolute http(s) URL."];
        }
        else if (!options.AllowedServiceHosts.Contains(serviceUrl.Host, StringComparer.OrdinalIgnoreCase))
        {
            errors["serviceUrl"] = [$"Replies are not sent to '{serviceUrl.Host}'."];
        }

        return errors;
    }
}
