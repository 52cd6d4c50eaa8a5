using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Definitions;

namespace PhanHoi.Bot.Turns.Errors;

/// <summary>
/// Outermost layer: a failure anywhere is logged without personal data and the citizen gets an apology rather
/// than silence. A transient infrastructure failure (database restarting, Redis unreachable) before anything was
/// sent is not swallowed: it propagates so the message is delivered again (the durable inbox retries it with
/// backoff, a Bot Framework channel on the 500), and the citizen gets the real answer instead of an apology and a
/// lost message. The duplicate guard releases the message's id on the way out, so the retry is not dropped. Where
/// replies are delivered after the turn, nothing has reached the citizen yet whatever the turn collected, so such a
/// failure always leaves the whole turn for another attempt.
/// </summary>
public sealed partial class TurnErrorMiddleware(MessageCatalog texts, ILogger<TurnErrorMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && NothingDelivered(turn) && InfrastructureFailure.IsTransient(exception))
        {
            LogLeftForRedelivery(logger, turn.Activity.Type, turn.Activity.ChannelId, LogRedaction.ConversationHash(turn.Activity), LogRedaction.Describe(exception));
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, turn.Activity.Type, turn.Activity.ChannelId, LogRedaction.ConversationHash(turn.Activity), LogRedaction.Describe(exception));

            if (TurnKeys.IsFromCitizen(turn.Activity))
            {
                await ApologiseAsync(turn, cancellationToken);
            }
        }
    }

    private static bool NothingDelivered(ITurnContext turn) => turn.RepliesDeferred || !turn.Responded;

    private async Task ApologiseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendTextAsync(texts.Render(MessageKeys.ErrorApology), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && NothingDelivered(turn) && InfrastructureFailure.IsTransient(exception))
        {
            LogLeftForRedelivery(logger, turn.Activity.Type, turn.Activity.ChannelId, LogRedaction.ConversationHash(turn.Activity), LogRedaction.Describe(exception));
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogApologyFailed(logger, turn.Activity.ChannelId, LogRedaction.Describe(exception));
        }
    }

    [LoggerMessage(LogLevel.Warning, "Turn {ActivityType} on {Channel} conversation {Conversation} hit a transient failure, left for redelivery: {Failure}")]
    private static partial void LogLeftForRedelivery(ILogger logger, string? activityType, string? channel, string conversation, string failure);

    [LoggerMessage(LogLevel.Error, "Turn {ActivityType} on {Channel} conversation {Conversation} failed: {Failure}")]
    private static partial void LogTurnFailed(ILogger logger, string? activityType, string? channel, string conversation, string failure);

    [LoggerMessage(LogLevel.Error, "Could not send the apology on {Channel}: {Failure}")]
    private static partial void LogApologyFailed(ILogger logger, string? channel, string failure);
}
