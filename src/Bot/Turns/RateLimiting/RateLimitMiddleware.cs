using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Definitions;

namespace PhanHoi.Bot.Turns.RateLimiting;

/// <summary>Drops a flooding citizen's messages, telling them politely once per window.</summary>
public sealed class RateLimitMiddleware(IRateLimiter limiter, MessageCatalog texts, ILogger<RateLimitMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        if (!TurnKeys.IsFromCitizen(turn.Activity))
        {
            await next(cancellationToken);
            return;
        }

        switch (await limiter.AcquireAsync(TurnKeys.Citizen(turn.Activity), cancellationToken))
        {
            case RateLimitOutcome.Allowed:
                await next(cancellationToken);
                break;
            case RateLimitOutcome.LimitedFirstTime:
                logger.LogWarning("Rate limit reached on {Channel} for {Conversation}", turn.Activity.ChannelId, LogRedaction.ConversationHash(turn.Activity));
                await turn.SendTextAsync(texts.Render(MessageKeys.RateLimited), cancellationToken);
                break;
            default:
                break;
        }
    }
}
