using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Definitions;

namespace PhanHoi.Bot.Dialogs.Scripted;

/// <summary>A step of a YAML conversation while it runs: the waterfall context plus the definition.</summary>
public sealed class ScriptedStep(WaterfallStepContext waterfall, ConversationDefinition conversation, StepDefinition definition)
{
    public WaterfallStepContext Waterfall { get; } = waterfall;

    public ConversationDefinition Conversation { get; } = conversation;

    public StepDefinition Definition { get; } = definition;

    public JsonObject Values => Waterfall.Values;

    public string? GetString(string name) =>
        Values[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public bool GetBool(string name) =>
        Values[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public T? Get<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        Values[name] is { } node ? node.Deserialize(typeInfo) : default;

    /// <summary>The collected scalar values as template variables (<c>{code}</c>, <c>{category}</c>).</summary>
    public Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in Values)
        {
            if (name.StartsWith('_') || node is not JsonValue value)
            {
                continue;
            }

            variables[name] = value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
                _ => value.ToJsonString(),
            };
        }

        return variables;
    }

    /// <summary>Continue at the step with this id (or the prompt step saving this name).</summary>
    public Task<DialogTurnResult> GoToAsync(string stepIdOrSaveAs, CancellationToken cancellationToken)
    {
        var index = Conversation.IndexOf(stepIdOrSaveAs);
        return index < 0
            ? throw new InvalidOperationException($"{Definition.Location}: no step '{stepIdOrSaveAs}' in '{Conversation.Id}'.")
            : Waterfall.GoToAsync(index, null, cancellationToken);
    }

    /// <summary>After the next answered prompt, come back to the step with this id instead of going on.</summary>
    public void ReturnAfterNextAnswer(string stepId) => Values[ScriptedConversation.ReturnKey] = stepId;

    /// <summary>
    /// The next prompt changes an earlier answer, then comes back here: going back ("quay lại") or running out of
    /// retries keeps the earlier answer instead of ending the conversation.
    /// </summary>
    public void EditThenReturn(string stepId)
    {
        ReturnAfterNextAnswer(stepId);
        Values[ScriptedConversation.EditKey] = true;
    }

    /// <summary>
    /// The next prompts change earlier answers, going on step by step (their conditions hold as usual) until an action
    /// calls <see cref="EndEditing"/> (the summary they lead back to): as with <see cref="EditThenReturn"/>, going back
    /// or running out of retries keeps each earlier answer.
    /// </summary>
    public void EditThenGoOn() => Values[ScriptedConversation.EditKey] = true;

    /// <summary>Whether the prompts now asked change earlier answers (<see cref="EditThenGoOn"/>, <see cref="EditThenReturn"/>).</summary>
    public bool IsEditing => Values[ScriptedConversation.EditKey] is not null;

    public void EndEditing() => Values.Remove(ScriptedConversation.EditKey);
}
