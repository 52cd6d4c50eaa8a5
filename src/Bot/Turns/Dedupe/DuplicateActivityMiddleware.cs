using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary>Drops an activity whose id was already processed (SPEC §5: a re-delivery never files twice).</summary>
public sealed class DuplicateActivityMiddleware(IDuplicateGuard guard, ILogger<DuplicateActivityMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.Id))
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
