namespace PhanHoi.Bot.Turns.Ordering;

/// <summary>Runs the rest of the turn while holding the conversation's lock.</summary>
public sealed class ConversationLockMiddleware(IConversationLock conversationLock) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        await using var held = await conversationLock.AcquireAsync(TurnKeys.Conversation(turn.Activity), cancellationToken);
        await next(cancellationToken);
    }
}
