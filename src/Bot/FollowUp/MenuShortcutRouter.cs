using System.Text.Json.Nodes;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// A first message that is exactly a menu item ("tra cứu", "tra cuu", "Gửi phản ánh") goes straight there instead
/// of showing the menu first: the root conversation starts with its <c>choice</c> answered. Only exact names count:
/// a greeting or a stray word ("lại") still gets the menu.
/// </summary>
public sealed class MenuShortcutRouter(DialogDefinitions definitions) : IDialogRouter
{
    public const string MenuPromptId = "menu";
    public const string ChoiceName = "choice";

    public Task<DialogStart?> RouteAsync(ITurnContext turn, bool dialogActive, CancellationToken cancellationToken)
    {
        if (dialogActive || !definitions.Prompts.TryGetValue(MenuPromptId, out var menu))
        {
            return Task.FromResult<DialogStart?>(null);
        }

        var activity = turn.Activity;
        var payload = activity.GetButtonPayload();
        var folded = VietnameseText.Fold(activity.Text);
        var choice = (payload is null ? null : menu.Choices.FirstOrDefault(c => c.Value == payload))
            ?? (folded.Length == 0 ? null : menu.Choices.FirstOrDefault(c => new[] { c.Title }.Concat(c.Synonyms).Any(f => VietnameseText.Fold(f) == folded)));
        return Task.FromResult(choice is null
            ? null
            : new DialogStart(DialogBot.RootDialogId, new JsonObject { [ChoiceName] = choice.Value }));
    }
}
