using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Turns.Abuse;

/// <summary>A locked or blocked citizen is told so politely and nothing they send is processed (SPEC §5).</summary>
public sealed class CitizenBarMiddleware(ICitizenBarList barred, MessageCatalog texts) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!TurnKeys.IsFromCitizen(activity) || activity.ChannelId is null || activity.From?.Id is null)
        {
            await next(cancellationToken);
            return;
        }

        var account = await barred.FindBarredAsync(new CitizenAddress(activity.ChannelId, activity.From.Id), cancellationToken);
        if (account is null)
        {
            await next(cancellationToken);
            return;
        }

        if (activity.IsType(Activities.ActivityTypes.Message))
        {
            var text = account.Status == CitizenStatus.Blocked
                ? texts.Render(MessageKeys.AccountBlocked)
                : texts.Render(MessageKeys.AccountLocked, new Dictionary<string, string>
                {
                    ["until"] = LocalDisplay.DateTime(account.LockedUntil!.Value),
                });
            await turn.SendTextAsync(text, cancellationToken);
        }
    }
}
