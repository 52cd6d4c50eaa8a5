using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// Any prompt: asks, recognises, validates, re-asks with the text for the failure reason, and after too many
/// failures gives up kindly and clears the stack rather than trapping the citizen.
/// </summary>
public sealed class PromptDialog(
    PromptDefinition definition,
    IPromptRecognizer recognizer,
    IReadOnlyList<IPromptValidator> validators,
    IChoiceSource? choiceSource = null) : IDialog
{
    public string Id => definition.Id;

    public PromptDefinition Definition => definition;

    public async Task<DialogTurnResult> BeginAsync(DialogContext context, object? options, CancellationToken cancellationToken)
    {
        var instance = context.Active!;
        instance.Tries = 0;
        instance.Variables = options is IReadOnlyDictionary<string, string> variables && variables.Count > 0
            ? new Dictionary<string, string>(variables, StringComparer.Ordinal)
            : null;

        // One shared card answers several prompts in a row (name, then phone): no need to ask what we were just given.
        if (SharedAnswer(context.Turn.Activity) is { } shared
            && (await RecognizeAsync(shared, cancellationToken)).Value is { } given)
        {
            return await context.EndDialogAsync(given.Value, cancellationToken);
        }

        await SendAsync(context, definition.TextKey, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var activity = context.Turn.Activity;
        if (activity.IsSharedInfo())
        {
            if (SharedAnswer(activity) is not { } shared)
            {
                return DialogTurnResult.Waiting; // details this prompt does not ask for
            }

            activity = shared;
        }
        else if (!activity.IsType(ActivityTypes.Message))
        {
            return DialogTurnResult.Waiting;
        }

        var reason = await RecognizeAsync(activity, cancellationToken);
        if (reason.Value is { } accepted)
        {
            return await context.EndDialogAsync(accepted.Value, cancellationToken);
        }

        var instance = context.Active!;
        instance.Tries++;
        if (instance.Tries > definition.MaxRetries)
        {
            await context.SendAsync(definition.GiveUpKey ?? MessageKeys.GiveUp, instance.Variables, cancellationToken);
            return context.CancelAll();
        }

        await SendAsync(context, definition.RetryKeyFor(reason.Reason!), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken) =>
        Task.FromResult(DialogTurnResult.Waiting);

    public Task RepromptAsync(DialogContext context, CancellationToken cancellationToken) =>
        SendAsync(context, definition.TextKey, cancellationToken);

    private async Task<(Accepted? Value, string? Reason)> RecognizeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (definition.Optional && SkipRecognizer.IsSkip(activity.GetButtonPayload() ?? activity.Text)
            && activity.Attachments is not { Count: > 0 } && activity.GetLocation() is null)
        {
            return (new Accepted(null), null);
        }

        var recognition = recognizer.Recognize(activity, await ChoicesAsync(cancellationToken));
        if (!recognition.Succeeded)
        {
            return (null, recognition.Reason ?? PromptReasons.NoMatch);
        }

        foreach (var validator in validators)
        {
            var reason = await validator.ValidateAsync(recognition.Value, activity, cancellationToken);
            if (reason is not null)
            {
                return (null, reason);
            }
        }

        return (new Accepted(recognition.Value), null);
    }

    /// <summary>The field this prompt takes from a shareInfo event, as a typed answer; null otherwise.</summary>
    private Activity? SharedAnswer(Activity activity) =>
        definition.SharedInfo is { } field && SharedInfo.Field(activity, field) is { } text ? SharedInfo.AsMessage(activity, text) : null;

    private async Task<IReadOnlyList<Choice>> ChoicesAsync(CancellationToken cancellationToken) =>
        choiceSource is null ? definition.Choices : await choiceSource.GetChoicesAsync(cancellationToken);

    private async Task SendAsync(DialogContext context, string messageKey, CancellationToken cancellationToken)
    {
        var message = Activity.CreateMessage(context.Texts.Render(messageKey, context.Active?.Variables));
        message.InputHint = InputHints.ExpectingInput;
        var buttons = await ButtonsAsync(context.Texts, cancellationToken);
        if (buttons.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        await context.Turn.SendActivityAsync(message, cancellationToken);
    }

    private async Task<List<CardAction>> ButtonsAsync(MessageCatalog texts, CancellationToken cancellationToken)
    {
        List<CardAction> buttons = definition.Type switch
        {
            PromptType.Choice => [.. (await ChoicesAsync(cancellationToken)).Select(c => CardAction.ImBack(c.Title, c.Title))],
            PromptType.Confirm => [CardAction.ImBack(texts.Render(MessageKeys.Yes), texts.Render(MessageKeys.Yes)),
                CardAction.ImBack(texts.Render(MessageKeys.No), texts.Render(MessageKeys.No))],
            _ => [],
        };
        if (definition.Optional)
        {
            buttons.Add(CardAction.ImBack(texts.Render(MessageKeys.Skip), texts.Render(MessageKeys.Skip)));
        }

        return buttons;
    }

    private sealed record Accepted(object? Value);
}
