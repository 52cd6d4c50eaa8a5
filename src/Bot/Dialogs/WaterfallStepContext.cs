using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Dialogs;

/// <summary>What a waterfall step sees: the previous result, the stored values, and where it can go next.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _dialog;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog dialog, DialogContext context, DialogInstance instance, int index, object? result)
    {
        _dialog = dialog;
        _instance = instance;
        Context = context;
        Index = index;
        Result = result;
    }

    public DialogContext Context { get; }

    public int Index { get; }

    /// <summary>The value the previous step, prompt or child dialog produced.</summary>
    public object? Result { get; }

    public JsonObject Values => _instance.Values ??= [];

    public Task<DialogTurnResult> PromptAsync(string promptId, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(promptId, variables, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken) =>
        _dialog.RunStepAsync(Context, Index + 1, result, cancellationToken);

    /// <summary>Jumps to any step (e.g. back to one field from the summary).</summary>
    public Task<DialogTurnResult> GoToAsync(int index, object? result, CancellationToken cancellationToken) =>
        _dialog.RunStepAsync(Context, index, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken) =>
        Context.EndDialogAsync(result, cancellationToken);

    public Task SendAsync(string messageKey, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken) =>
        Context.SendAsync(messageKey, variables, cancellationToken);

    /// <summary>Waits for the citizen's next message, which becomes the next step's result.</summary>
    public static DialogTurnResult Wait() => DialogTurnResult.Waiting;
}
