namespace PhanHoi.Bot.Turns;

/// <summary>The channel-agnostic bot: sees only activities, never transports.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
