using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// A tapped case button (<c>rate:TH-0042</c>, from a notice or a lookup) starts its dialog for that case at any
/// time; a dialog in progress waits underneath and asks its question again afterwards.
/// </summary>
public sealed class CaseShortcutRouter : IDialogRouter
{
    public Task<DialogStart?> RouteAsync(ITurnContext turn, bool dialogActive, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        return Task.FromResult(CaseButtons.Parse(activity.GetButtonPayload() ?? activity.Text) is { } shortcut
            ? new DialogStart(shortcut.Dialog, new JsonObject { ["code"] = shortcut.Code })
            : null);
    }
}
