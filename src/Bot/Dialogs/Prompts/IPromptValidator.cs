using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// A named extra check on a recognised value (YAML <c>validators: [fullName]</c>). Returns null when the value
/// is fine, else a reason key for the re-prompt.
/// </summary>
public interface IPromptValidator
{
    string Name { get; }

    ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken);
}

/// <summary>Checks a tax code; the workflow's validator can replace the built-in format check.</summary>
public interface ITaxCodeValidator
{
    bool IsValid(string taxCode);
}

/// <summary>
/// Supplies choices known only at run time: the managed list of categories, or the citizen's own cases (hence
/// the activity, which says who is asking).
/// </summary>
public interface IChoiceSource
{
    string Name { get; }

    Task<IReadOnlyList<Recognizers.Choice>> GetChoicesAsync(Activity activity, CancellationToken cancellationToken);
}
