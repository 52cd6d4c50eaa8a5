using System.Net.Http.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Replies the Bot Framework way: each outgoing activity is POSTed to the incoming activity's <c>serviceUrl</c>
/// at <c>v3/conversations/{conversationId}/activities/{replyToId}</c> (or <c>…/activities</c> when it answers nothing).
/// </summary>
public sealed class BotConnectorSender(HttpClient http) : IActivitySender
{
    public const string ClientName = "botframework-connector";

    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        ITurnContext turn, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            using var response = await http.PostAsJsonAsync(Address(activity), activity, ActivityJsonContext.Default.Activity, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = response.Content.Headers.ContentLength is > 0
                ? await response.Content.ReadFromJsonAsync(ActivityJsonContext.Default.ResourceResponse, cancellationToken)
                : null;
            responses.Add(body ?? new ResourceResponse(activity.Id ?? string.Empty));
        }

        return responses;
    }

    internal static Uri Address(Activity activity)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to.");
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation."));
        var path = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{conversation}/activities";
        return new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
    }
}
