namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>What a prompt understood: a value, or the reason it did not (the key of a Vietnamese re-prompt).</summary>
public readonly record struct PromptRecognition(bool Succeeded, object? Value, string? Reason)
{
    public static PromptRecognition Of(object? value) => new(true, value, null);

    public static PromptRecognition Failed(string reason) => new(false, null, reason);
}

/// <summary>Failure reasons the built-in recognizers report; YAML <c>retry:</c> maps them to texts.</summary>
public static class PromptReasons
{
    public const string Empty = "empty";
    public const string NoMatch = "noMatch";
    public const string NotYesNo = "notYesNo";
    public const string NotNumber = "notNumber";
    public const string InvalidPhone = "invalidPhone";
    public const string InvalidTaxCode = "invalidTaxCode";
    public const string NoAttachment = "noAttachment";
    public const string NoLocation = "noLocation";
    public const string NoEvidence = "noEvidence";
    public const string InvalidCode = "invalidCode";
}
