using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// One activity from the page: echoed into the log (Web Chat waits for its own activity to come back with an id),
/// then run as a bot turn in process; the bot's replies land in the same log through <see cref="DirectLineActivitySender"/>.
/// </summary>
public sealed class DirectLineTurns(
    IDirectLineConversationStore store,
    DirectLineActivities addressing,
    ActivityProcessor processor,
    DirectLineActivitySender sender,
    HeldNoticeReleases heldNotices)
{
    public async Task<IResult> RunAsync(
        DirectLineToken caller, Activity? posted, string baseUrl, Func<string?, bool> isOwnUpload, CancellationToken cancellationToken)
    {
        if (posted is null || string.IsNullOrWhiteSpace(posted.Type))
        {
            return Problems.Problems.Invalid("type", "An activity with a type is required.");
        }

        if (posted.IsType(ActivityTypes.Typing))
        {
            return Accepted(string.Empty); // shown to nobody: the bot is the only other member
        }

        if (!posted.IsType(ActivityTypes.Message) && !posted.IsType(ActivityTypes.Event))
        {
            return Problems.Problems.Invalid("type", "Only message and event activities can be sent.");
        }

        if (await store.FindOwnerAsync(caller.ConversationId, cancellationToken) != caller.UserId)
        {
            return DirectLineCaller.ConversationGone();
        }

        var activity = addressing.FromUser(posted, caller.ConversationId, caller.UserId, baseUrl, isOwnUpload);
        if (await store.AppendAsync(caller.ConversationId, activity, cancellationToken) is not { } id)
        {
            return DirectLineCaller.ConversationGone();
        }

        if (activity.IsType(ActivityTypes.Message))
        {
            heldNotices.Request(new CitizenAddress(DirectLineChannel.ChannelId, caller.UserId)); // notices held while no page was open
        }

        await processor.ProcessAsync(activity, sender, cancellationToken);
        return Accepted(id);
    }

    private static IResult Accepted(string id) => TypedResults.Json(new ResourceResponse(id), ActivityJsonContext.Default.ResourceResponse);
}
