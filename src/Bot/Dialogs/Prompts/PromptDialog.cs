using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// Any prompt: asks, recognises, validates, re-asks with the text for the failure reason, and after too many
/// failures gives up kindly and clears the stack rather than trapping the citizen: an optional one moves on instead,
/// and one changing an earlier answer from a summary keeps that answer (as "quay lại" does).
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
        if (SharedInfo.IsSharedInfo(context.Turn.Activity) && AnswerIn(context.Turn.Activity) is { } shared
            && (await RecognizeAsync(shared, cancellationToken)).Value is { } given)
        {
            return await context.EndDialogAsync(given.Value, cancellationToken);
        }

        await SendAsync(context, definition.TextKey, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public async Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var activity = AnswerIn(context.Turn.Activity);
        if (activity is null)
        {
            return DialogTurnResult.Waiting;
        }

        var editing = Scripted.ScriptedConversation.IsEditing(context);
        if (editing && BackRecognizer.IsBack(activity.GetButtonPayload() ?? activity.Text))
        {
            await context.SendAsync(MessageKeys.EditKept, null, cancellationToken);
            return await context.EndDialogAsync(KeepEarlierAnswer.Instance, cancellationToken);
        }

        var reason = await RecognizeAsync(activity, cancellationToken);
        if (reason.Value is { } accepted)
        {
            return await context.EndDialogAsync(accepted.Value, cancellationToken);
        }

        var instance = context.Active!;
        instance.Tries++;
        if (instance.Tries > definition.MaxRetries && editing)
        {
            // A finished intake is not lost over one field: the earlier answer stays, back to the summary.
            await context.SendAsync(MessageKeys.EditKept, null, cancellationToken);
            return await context.EndDialogAsync(KeepEarlierAnswer.Instance, cancellationToken);
        }

        if (instance.Tries > definition.MaxRetries && definition.Optional)
        {
            // An optional step is never worth what was collected before it: move on as if skipped.
            await context.SendAsync(MessageKeys.MovedOn, instance.Variables, cancellationToken);
            return await context.EndDialogAsync(null, cancellationToken);
        }

        if (instance.Tries > definition.MaxRetries && definition.GiveUpKey is null && Scripted.ScriptedConversation.HoldsAnswers(context))
        {
            // What the citizen gave before this question is not thrown away over it: say how to get help or stop, ask again.
            instance.Tries = 0;
            await context.SendAsync(MessageKeys.StillAsking, instance.Variables, cancellationToken);
            await SendAsync(context, definition.TextKey, cancellationToken);
            return DialogTurnResult.Waiting;
        }

        if (instance.Tries > definition.MaxRetries)
        {
            await context.SendAsync(definition.GiveUpKey ?? MessageKeys.GiveUp, instance.Variables, cancellationToken);
            return context.CancelAll();
        }

        await SendAsync(context, definition.RetryKeyFor(reason.Reason!), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>
    /// A prompt only has a child when the citizen interrupted it (a tapped case button): once that is done,
    /// ask the question again so the citizen knows where they were.
    /// </summary>
    public async Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken)
    {
        await SendAsync(context, definition.TextKey, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public Task RepromptAsync(DialogContext context, CancellationToken cancellationToken) =>
        SendAsync(context, definition.TextKey, cancellationToken);

    /// <summary>
    /// The message to recognise: the citizen's message, or for a prompt that takes a shared profile field, the
    /// share-info event read as if that field had been typed. Anything else leaves the prompt waiting.
    /// </summary>
    private Activity? AnswerIn(Activity activity)
    {
        if (activity.IsType(ActivityTypes.Message))
        {
            return activity;
        }

        return definition.ShareInfoField is { } field && SharedInfo.From(activity)?.Field(field) is { } value
            ? new Activity { Type = ActivityTypes.Message, ChannelId = activity.ChannelId, From = activity.From, Conversation = activity.Conversation, Text = value }
            : null;
    }

    private async Task<(Accepted? Value, string? Reason)> RecognizeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (definition.Optional && SkipRecognizer.IsSkip(activity.GetButtonPayload() ?? activity.Text)
            && activity.Attachments is not { Count: > 0 } && activity.GetLocation() is null)
        {
            return (new Accepted(null), null);
        }

        var recognition = recognizer.Recognize(activity, await ChoicesAsync(activity, cancellationToken));
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

    private async Task<IReadOnlyList<Choice>> ChoicesAsync(Activity activity, CancellationToken cancellationToken) =>
        choiceSource is null ? definition.Choices : await choiceSource.GetChoicesAsync(activity, cancellationToken);

    private async Task SendAsync(DialogContext context, string messageKey, CancellationToken cancellationToken)
    {
        var message = Activity.CreateMessage(context.Texts.Render(messageKey, context.Active?.Variables));
        message.InputHint = InputHints.ExpectingInput;
        var buttons = await ButtonsAsync(context.Texts, context.Turn.Activity, cancellationToken);
        if (buttons.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        await context.Turn.SendActivityAsync(message, cancellationToken);
    }

    private async Task<List<CardAction>> ButtonsAsync(MessageCatalog texts, Activity activity, CancellationToken cancellationToken)
    {
        List<CardAction> buttons = definition.Type switch
        {
            PromptType.Choice or PromptType.Message => [.. (await ChoicesAsync(activity, cancellationToken)).Select(c => CardAction.ImBack(c.Title, c.Title))],
            PromptType.Confirm => [CardAction.ImBack(texts.Render(MessageKeys.Yes), texts.Render(MessageKeys.Yes)),
                CardAction.ImBack(texts.Render(MessageKeys.No), texts.Render(MessageKeys.No))],
            _ => [],
        };
        if (definition.Optional)
        {
            buttons.Add(CardAction.ImBack(texts.Render(definition.SkipKey), texts.Render(definition.SkipKey)));
        }

        return buttons;
    }

    private sealed record Accepted(object? Value);
}
