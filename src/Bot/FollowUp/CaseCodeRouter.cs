using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// A message with a tracking code in it ("TH-Q04H-89KA", "tra cứu TH-Q04H-89KA", "mã của tôi là …"), outside a
/// conversation, looks that case up at once instead of showing the menu first.
/// </summary>
public sealed class CaseCodeRouter(DialogDefinitions definitions) : IDialogRouter
{
    public const string LookupDialogId = "lookup";

    public Task<DialogStart?> RouteAsync(ITurnContext turn, bool dialogActive, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (dialogActive || activity.GetButtonPayload() is not null || !definitions.Conversations.ContainsKey(LookupDialogId)
            || CaseCodeText.Find(activity.Text) is not { } code)
        {
            return Task.FromResult<DialogStart?>(null);
        }

        return Task.FromResult<DialogStart?>(new DialogStart(LookupDialogId, new JsonObject { ["code"] = code }));
    }
}
