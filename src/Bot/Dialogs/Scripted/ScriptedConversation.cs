using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Scripted;

/// <summary>
/// Turns a YAML conversation into a <see cref="WaterfallDialog"/>: each step says, asks (saving the answer under
/// its <c>saveAs</c>), runs a named action, starts another conversation, jumps or ends, if its <c>when</c> holds.
/// </summary>
public static class ScriptedConversation
{
    internal const string AwaitKey = "_await";
    internal const string ReturnKey = "_return";
    internal const string EditKey = "_edit";

    public static WaterfallDialog Build(ConversationDefinition conversation, IReadOnlyDictionary<string, IDialogAction> actions) =>
        new(conversation.Id, [.. conversation.Steps.Select(step => (WaterfallStep)((context, ct) => RunAsync(context, conversation, step, actions, ct)))]);

    private static async Task<DialogTurnResult> RunAsync(
        WaterfallStepContext context,
        ConversationDefinition conversation,
        StepDefinition step,
        IReadOnlyDictionary<string, IDialogAction> actions,
        CancellationToken cancellationToken)
    {
        var scripted = new ScriptedStep(context, conversation, step);
        if (SaveAnswer(context) && context.Values[ReturnKey] is JsonValue back && back.TryGetValue<string>(out var returnTo))
        {
            context.Values.Remove(ReturnKey);
            context.Values.Remove(EditKey);
            return await scripted.GoToAsync(returnTo, cancellationToken);
        }

        // A step jumped to for an edit asks its question whatever its condition said the first time.
        if (context.Values[ReturnKey] is null && !Holds(step.When, context.Values))
        {
            return await context.NextAsync(context.Result, cancellationToken);
        }

        switch (step.Kind)
        {
            case StepKind.Say:
                await context.SendAsync(step.Target, scripted.Variables(), cancellationToken);
                return await context.NextAsync(null, cancellationToken);
            case StepKind.Prompt:
                if (step.SaveAs is not null)
                {
                    context.Values[AwaitKey] = step.SaveAs;
                }

                return await context.PromptAsync(step.Target, scripted.Variables(), cancellationToken);
            case StepKind.Action:
                return await actions[step.Target].RunAsync(scripted, cancellationToken);
            case StepKind.Dialog:
                return await context.BeginDialogAsync(step.Target, null, cancellationToken);
            case StepKind.Goto:
                return await scripted.GoToAsync(step.Target, cancellationToken);
            default:
                return await context.EndAsync(context.Values, cancellationToken);
        }
    }

    /// <summary>Stores the answer of the prompt the previous step asked; true if there was one.</summary>
    private static bool SaveAnswer(WaterfallStepContext context)
    {
        if (context.Values[AwaitKey] is not JsonValue pending || !pending.TryGetValue<string>(out var name))
        {
            return false;
        }

        context.Values.Remove(AwaitKey);
        if (context.Result is not KeepEarlierAnswer)
        {
            context.Values[name] = ToNode(context.Result);
        }

        return true;
    }

    /// <summary>Whether the conversation asking the prompt now holds answers the citizen gave (not only its own bookkeeping).</summary>
    internal static bool HoldsAnswers(DialogContext context) =>
        context.Stack.Count >= 2 && context.Stack[^2].Values is { } values && values.Any(v => !v.Key.StartsWith('_') && v.Value is not null);

    /// <summary>Whether the prompt now asked changes an earlier answer, to come back to a summary after it.</summary>
    internal static bool IsEditing(DialogContext context) =>
        context.Stack.Count >= 2 && context.Stack[^2].Values?[EditKey] is not null;

    internal static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        decimal number => JsonValue.Create(number),
        Choice choice => JsonValue.Create(choice.Value),
        List<SharedFile> files => JsonSerializer.SerializeToNode(files, DialogJsonContext.Default.ListSharedFile),
        SharedLocation location => JsonSerializer.SerializeToNode(location, DialogJsonContext.Default.SharedLocation),
        SharedMessage message => JsonSerializer.SerializeToNode(message, DialogJsonContext.Default.SharedMessage),
        JsonNode node => node.DeepClone(),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary><c>name</c> (answered yes / non-empty), <c>!name</c>, or <c>name=value</c>; several joined by <c>&amp;</c> must all hold.</summary>
    internal static bool Holds(string? condition, JsonObject values) =>
        string.IsNullOrWhiteSpace(condition) || condition.Split('&').All(part => HoldsOne(part.Trim(), values));

    /// <summary>The names a condition tests.</summary>
    internal static IEnumerable<string> NamesIn(string condition) =>
        condition.Split('&').Select(part => part.Split('=')[0].Trim().TrimStart('!').Trim());

    private static bool HoldsOne(string condition, JsonObject values)
    {
        var equals = condition.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            var node = values[condition[..equals].Trim()];
            return node is JsonValue value && value.ToString() == condition[(equals + 1)..].Trim();
        }

        var negated = condition.StartsWith('!');
        var name = negated ? condition[1..].Trim() : condition.Trim();
        return Truthy(values[name]) != negated;
    }

    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length > 0,
        JsonArray array => array.Count > 0,
        _ => true,
    };
}
