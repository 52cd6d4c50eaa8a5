namespace PhanHoi.Bot.Turns;

/// <summary>Runs the rest of the pipeline (the next middleware, finally the bot).</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>A bot's turn logic, or any callback run at the end of the pipeline.</summary>
public delegate Task BotCallback(ITurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// One layer of the onion around the bot: may act before and after <c>next</c>, or not call it at all to stop
/// the turn.
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken);
}
