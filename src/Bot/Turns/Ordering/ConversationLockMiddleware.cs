namespace PhanHoi.Bot.Turns.Ordering;

/// <summary>
/// Runs the rest of the turn while holding the conversation's lock. A turn whose replies are deferred comes from the
/// durable inbox, which already hands out one item per conversation at a time, in order: it needs no second lock (a
/// state write that still meets another writer fails on its ETag and the inbox runs the message again).
/// </summary>
public sealed class ConversationLockMiddleware(IConversationLock conversationLock) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turn.RepliesDeferred)
        {
            await next(cancellationToken);
            return;
        }

        await using var held = await conversationLock.AcquireAsync(TurnKeys.Conversation(turn.Activity), cancellationToken);
        await next(cancellationToken);
    }
}
