using System.Net;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Case notices for citizens who wrote over <c>/api/messages</c> on channel <see cref="Channel"/>: posted to the
/// connector of their last conversation. Someone who never wrote here is left to the other channels of that name
/// (<see cref="SendOutcome.OutsideWindow"/>).
/// </summary>
public sealed class BotFrameworkProactiveChannel(string channel, BotFrameworkReferences references, IHttpClientFactory http) : IProactiveChannel
{
    public string Channel { get; } = channel;

    public async Task<SendResult> SendAsync(CitizenAddress recipient, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (await references.FindAsync(recipient, cancellationToken) is not { } reference)
        {
            return new SendResult(SendOutcome.OutsideWindow, "the citizen has no Bot Framework conversation");
        }

        var turn = new TurnContext(reference.GetContinuationActivity(), new BotConnectorSender(http.CreateClient(BotConnectorSender.ClientName)));
        try
        {
            foreach (var activity in activities)
            {
                activity.ReplyToId = null;
                await turn.SendActivityAsync(activity, cancellationToken);
            }

            return SendResult.Sent;
        }
        catch (HttpRequestException e) when (e.StatusCode is null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
        {
            return new SendResult(SendOutcome.RetryLater, e.StatusCode?.ToString() ?? "connector unreachable");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Undeliverable, e.StatusCode?.ToString());
        }
    }

    /// <summary>The Bot Connector has no history to read: a notice cut off mid-send goes out again.</summary>
    public Task<bool> WasShownAsync(
        CitizenAddress recipient, IReadOnlyList<Activity> activities, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
