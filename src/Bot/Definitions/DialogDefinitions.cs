using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Definitions;

/// <summary>Where a definition was written, for error messages: <c>dialogs/intake.yaml:42</c>.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

public enum PromptType
{
    Text,

    /// <summary>A person's full name, without the punctuation around it ("Nguyễn Văn An." is "Nguyễn Văn An").</summary>
    Name,
    Choice,
    Confirm,
    Number,
    Phone,
    TaxCode,
    Attachment,
    Location,

    /// <summary>Photos or files, or a location: whichever the citizen sends first.</summary>
    Evidence,

    /// <summary>Free text and/or files in one answer, or one of the prompt's choices typed or tapped exactly.</summary>
    Message,

    /// <summary>A case's tracking code, accepted in any case, with or without spaces and dashes.</summary>
    CaseCode,
}

/// <summary>A question as declared in YAML: its text, what to say per failure reason, and how it is checked.</summary>
public sealed record PromptDefinition(
    string Id,
    PromptType Type,
    string TextKey,
    IReadOnlyDictionary<string, string> RetryKeys,
    IReadOnlyList<Choice> Choices,
    string? ChoicesFrom,
    IReadOnlyList<string> Validators,
    int MaxRetries,
    bool Optional,
    string? GiveUpKey,
    SourceLocation Location,
    string? SharedInfo = null)
{
    /// <summary>
    /// Which field of a Zalo "share information" event answers this prompt (<c>name</c> or <c>phone</c>), if any:
    /// the channel turns <c>user_submit_info</c> into an <c>event</c> activity named <c>shareInfo</c>.
    /// </summary>
    public string? ShareInfoField { get; init; }

    /// <summary>The answer is personal data (SPEC §2): encrypted wherever the conversation state is stored.</summary>
    public bool Personal { get; init; }

    /// <summary>The label of an optional prompt's button that moves on without an answer ("Bỏ qua", or "Xong").</summary>
    public string SkipKey { get; init; } = MessageKeys.Skip;

    public const int DefaultMaxRetries = 2;

    /// <summary>The retry text for a failure reason, else the prompt's <c>default</c> retry, else the question again.</summary>
    public string RetryKeyFor(string reason) =>
        RetryKeys.TryGetValue(reason, out var key) ? key
        : RetryKeys.TryGetValue("default", out var fallback) ? fallback
        : TextKey;
}

public enum StepKind
{
    /// <summary>Send a message.</summary>
    Say,

    /// <summary>Ask a prompt; with <c>saveAs</c>, keep its answer under that name.</summary>
    Prompt,

    /// <summary>Run a named piece of code (summary, submit, edit).</summary>
    Action,

    /// <summary>Start another conversation and continue here when it ends.</summary>
    Dialog,

    /// <summary>Jump to the step with that id.</summary>
    Goto,

    /// <summary>End this conversation.</summary>
    End,
}

public sealed record StepDefinition(StepKind Kind, string Target, string? SaveAs, string? When, string? Id, SourceLocation Location);

public sealed record ConversationDefinition(string Id, IReadOnlyList<StepDefinition> Steps, SourceLocation Location)
{
    public int IndexOf(string stepIdOrSaveAs)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Id == stepIdOrSaveAs || (Steps[i].Kind == StepKind.Prompt && Steps[i].SaveAs == stepIdOrSaveAs))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Everything under <c>dialogs/</c>, loaded and checked at start.</summary>
public sealed class DialogDefinitions(
    MessageCatalog messages,
    IReadOnlyDictionary<string, PromptDefinition> prompts,
    IReadOnlyDictionary<string, ConversationDefinition> conversations)
{
    /// <summary>The saved names whose values are personal data: every <c>saveAs</c> of a <c>personal: true</c> prompt.</summary>
    public IReadOnlySet<string> PersonalValueNames { get; } = conversations.Values
        .SelectMany(c => c.Steps)
        .Where(s => s.Kind == StepKind.Prompt && s.SaveAs is not null && prompts.TryGetValue(s.Target, out var p) && p.Personal)
        .Select(s => s.SaveAs!)
        .ToHashSet(StringComparer.Ordinal);

    public MessageCatalog Messages { get; } = messages;

    public IReadOnlyDictionary<string, PromptDefinition> Prompts { get; } = prompts;

    public IReadOnlyDictionary<string, ConversationDefinition> Conversations { get; } = conversations;
}
