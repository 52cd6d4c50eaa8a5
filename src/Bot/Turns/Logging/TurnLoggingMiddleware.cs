using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Turns.Logging;

/// <summary>One line per turn: type, channel, conversation hash, duration. Never text or personal data.</summary>
public sealed class TurnLoggingMiddleware(ILogger<TurnLoggingMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await next(cancellationToken);
        logger.LogInformation(
            "Turn {ActivityType} on {Channel} conversation {Conversation} took {ElapsedMs} ms, responded {Responded}",
            turn.Activity.Type,
            turn.Activity.ChannelId,
            LogRedaction.ConversationHash(turn.Activity),
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            turn.Responded);
    }
}
