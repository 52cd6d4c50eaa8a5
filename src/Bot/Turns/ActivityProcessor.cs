using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>
/// The adapter core every channel shares: wraps an activity in a turn, runs the middleware, then the bot.
/// Channels own transport and pass their <see cref="IActivitySender"/> per call.
/// </summary>
public sealed class ActivityProcessor(MiddlewareSet middleware, IBot bot)
{
    public async Task<ITurnContext> ProcessAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        activity.Text = Workflow.Cases.PlainText.Clean(activity.Text); // whatever the channel: NFC, no control characters
        var turn = new TurnContext(activity, sender);
        await middleware.RunAsync(turn, bot.OnTurnAsync, cancellationToken);
        return turn;
    }

    /// <summary>
    /// A proactive turn (e.g. a case notice) in a stored conversation, through the same middleware so it is
    /// ordered with the citizen's own messages.
    /// </summary>
    public async Task ContinueConversationAsync(
        ConversationReference reference, BotCallback callback, IActivitySender sender, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(reference.GetContinuationActivity(), sender);
        await middleware.RunAsync(turn, callback, cancellationToken);
    }
}
