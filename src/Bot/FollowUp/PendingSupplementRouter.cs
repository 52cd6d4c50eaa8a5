using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// After reception asked the citizen to supplement a case (SPEC §4), the citizen's next message that starts a new
/// exchange belongs to that case: it opens the supplement dialog with the message as its first piece. A request the
/// case no longer has (answered meanwhile, closed) is forgotten and the message goes to the menu as usual.
/// </summary>
public sealed class PendingSupplementRouter(BotState<UserData> users, ICitizenCaseDesk desk) : IDialogRouter
{

    public async Task<DialogStart?> RouteAsync(ITurnContext turn, bool dialogActive, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (dialogActive || CitizenOf.Activity(activity) is not { } citizen)
        {
            return null;
        }

        var state = await users.LoadAsync(activity, cancellationToken);
        if (state.Value.SupplementCaseCode is not { } code)
        {
            return null;
        }

        state.Value.SupplementCaseCode = null;
        await SaveAsync(state, cancellationToken);
        var view = await desk.FindAsync(code, citizen, cancellationToken);
        if (view is null || !view.Allows(CaseAction.Supplement))
        {
            return null;
        }

        var values = new JsonObject { ["code"] = view.Code };
        var text = activity.Text?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        var files = SharedFile.AllOf(activity);
        if (files.Count == 0 && Screening.Pleasantries.IsOnly(text))
        {
            text = null; // "xin chào", "ok", "cảm ơn ạ": no part of the supplement; its question is asked
        }

        if (!string.IsNullOrEmpty(text) || files.Count > 0)
        {
            values["piece"] = ScriptedConversation.ToNode(new SharedMessage(string.IsNullOrEmpty(text) ? null : text, files));
        }

        return new DialogStart(CaseButtons.Supplement, values);
    }

    private async Task SaveAsync(StateHandle<UserData> state, CancellationToken cancellationToken)
    {
        try
        {
            await users.SaveAsync(state, cancellationToken);
        }
        catch (StateConflictException)
        {
            // A notice changed the user's state meanwhile; it is read again on the next exchange.
        }
    }
}
