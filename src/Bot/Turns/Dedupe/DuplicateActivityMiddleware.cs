using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary>
/// Drops an activity whose id was already processed (SPEC §5: a re-delivery never files twice). A turn whose replies
/// are deferred comes from the durable inbox, which already refuses re-deliveries and hands a message over again only
/// when its earlier attempt did not finish; there the dialog's <see cref="State.TurnJournal"/> decides between
/// running the turn and sending its replies again, so the guard stands aside.
/// </summary>
public sealed class DuplicateActivityMiddleware(IDuplicateGuard guard, ILogger<DuplicateActivityMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.Id) || turn.RepliesDeferred)
        {
            await next(cancellationToken);
            return;
        }

        var key = $"{activity.ChannelId}:{activity.Id}";
        if (!await guard.TryClaimAsync(key, cancellationToken))
        {
            logger.LogInformation("Dropped a re-delivered {ActivityType} on {Channel}", activity.Type, activity.ChannelId);
            return;
        }

        try
        {
            await next(cancellationToken);
        }
        catch
        {
            await guard.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
    }
}
