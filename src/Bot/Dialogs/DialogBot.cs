using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Dialogs;

/// <summary>
/// The citizen-facing bot: greets new members, and runs every message (and every shared profile, which may answer
/// a name or phone question) through the dialog stack starting at the <c>main</c> conversation (the menu).
/// </summary>
public sealed class DialogBot(DialogRunner runner, MessageCatalog texts) : IBot
{
    public const string RootDialogId = "main";

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message) || SharedInfo.IsSharedInfo(activity))
        {
            await runner.RunAsync(turn, RootDialogId, cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.ConversationUpdate)
                 && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
        {
            await turn.SendTextAsync(texts.Render(MessageKeys.Welcome), cancellationToken);
        }
    }
}
