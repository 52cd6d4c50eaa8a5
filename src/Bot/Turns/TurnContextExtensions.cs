using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

public static class TurnContextExtensions
{
    public static Task<ResourceResponse> SendTextAsync(this ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);
}
