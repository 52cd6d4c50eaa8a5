using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;

namespace PhanHoi.Bot.Dialogs;

/// <summary>Builds the runnable dialogs from the YAML definitions and the named pieces code provides.</summary>
public sealed class DialogSetFactory(
    IEnumerable<IPromptValidator> validators,
    IEnumerable<IDialogAction> actions,
    IEnumerable<IChoiceSource> choiceSources,
    ITaxCodeValidator taxCodes)
{
    private readonly Dictionary<string, IPromptValidator> _validators = validators.ToDictionary(v => v.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IDialogAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IChoiceSource> _choiceSources = choiceSources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public DefinitionRequirements Requirements => new(
        _validators.Keys.ToHashSet(StringComparer.Ordinal),
        _actions.Keys.ToHashSet(StringComparer.Ordinal),
        _choiceSources.Keys.ToHashSet(StringComparer.Ordinal),
        MessageKeys.Required);

    public DialogSet Create(DialogDefinitions definitions)
    {
        var set = new DialogSet();
        foreach (var prompt in definitions.Prompts.Values)
        {
            set.Add(new PromptDialog(
                prompt,
                RecognizerFor(prompt.Type),
                [.. prompt.Validators.Select(v => _validators[v])],
                prompt.ChoicesFrom is null ? null : _choiceSources[prompt.ChoicesFrom]));
        }

        foreach (var conversation in definitions.Conversations.Values)
        {
            set.Add(ScriptedConversation.Build(conversation, _actions));
        }

        return set;
    }

    private IPromptRecognizer RecognizerFor(PromptType type) => type switch
    {
        PromptType.Text => new TextRecognizer(),
        PromptType.Name => new NameRecognizer(),
        PromptType.Choice => new ChoicePromptRecognizer(),
        PromptType.Confirm => new ConfirmRecognizer(),
        PromptType.Number => new NumberRecognizer(),
        PromptType.Phone => new PhoneRecognizer(),
        PromptType.TaxCode => new TaxCodeRecognizer(taxCodes),
        PromptType.Attachment => new AttachmentRecognizer(),
        PromptType.Location => new LocationRecognizer(),
        PromptType.Evidence => new EvidenceRecognizer(),
        PromptType.Message => new MessageRecognizer(),
        PromptType.CaseCode => new CaseCodeRecognizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
