using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the operations that move it.</summary>
public sealed class DialogContext(ITurnContext turn, DialogSet dialogs, MessageCatalog texts, List<DialogInstance> stack)
{
    public ITurnContext Turn { get; } = turn;

    public DialogSet Dialogs { get; } = dialogs;

    public MessageCatalog Texts { get; } = texts;

    public IReadOnlyList<DialogInstance> Stack => stack;

    public DialogInstance? Active => stack.Count > 0 ? stack[^1] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Get(dialogId);
        stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken) =>
        Active is { } active ? await Dialogs.Get(active.Id).ContinueAsync(this, cancellationToken) : DialogTurnResult.Empty;

    /// <summary>Ends the active dialog and hands <paramref name="result"/> to its parent, if any.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        return Active is { } parent
            ? await Dialogs.Get(parent.Id).ResumeAsync(this, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public DialogTurnResult CancelAll()
    {
        stack.Clear();
        return DialogTurnResult.Cancelled;
    }

    public Task RepromptAsync(CancellationToken cancellationToken) =>
        Active is { } active ? Dialogs.Get(active.Id).RepromptAsync(this, cancellationToken) : Task.CompletedTask;

    public Task SendAsync(string messageKey, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken) =>
        Turn.SendActivityAsync(Activity.CreateMessage(Texts.Render(messageKey, variables)), cancellationToken);
}
