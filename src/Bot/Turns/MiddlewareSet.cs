namespace PhanHoi.Bot.Turns;

/// <summary>An ordered list of middleware, first added is outermost.</summary>
public sealed class MiddlewareSet
{
    private readonly IReadOnlyList<IMiddleware> _middleware;

    public MiddlewareSet(IEnumerable<IMiddleware> middleware) => _middleware = [.. middleware];

    public IReadOnlyList<IMiddleware> Items => _middleware;

    public Task RunAsync(ITurnContext turn, BotCallback callback, CancellationToken cancellationToken) =>
        RunFromAsync(0, turn, callback, cancellationToken);

    private Task RunFromAsync(int index, ITurnContext turn, BotCallback callback, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback(turn, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turn, ct => RunFromAsync(index + 1, turn, callback, ct), cancellationToken);
    }
}
