namespace PhanHoi.Bot.Dialogs;

/// <summary>One step of a waterfall: prompts, sends, branches, or ends; the previous result is in the context.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>An ordered list of steps; only the step index and collected values are stored between turns.</summary>
public sealed class WaterfallDialog(string id, IReadOnlyList<WaterfallStep> steps) : IDialog
{
    public string Id { get; } = id;

    public int StepCount => steps.Count;

    public Task<DialogTurnResult> BeginAsync(DialogContext context, object? options, CancellationToken cancellationToken)
    {
        var instance = context.Active!;
        instance.Step = 0;
        if (options is System.Text.Json.Nodes.JsonObject initial)
        {
            instance.Values = initial;
        }

        return RunStepAsync(context, 0, null, cancellationToken);
    }

    /// <summary>A step waited without a prompt: the citizen's text is its result.</summary>
    public Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken) =>
        context.Turn.Activity.IsType(Activities.ActivityTypes.Message)
            ? RunStepAsync(context, context.Active!.Step + 1, context.Turn.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    public Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(context, context.Active!.Step + 1, result, cancellationToken);

    public Task RepromptAsync(DialogContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext context, int index, object? result, CancellationToken cancellationToken)
    {
        var instance = context.Active!;
        if (index >= steps.Count)
        {
            return await context.EndDialogAsync(result, cancellationToken);
        }

        instance.Step = index;
        return await steps[index](new WaterfallStepContext(this, context, instance, index, result), cancellationToken);
    }
}
