using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Recognizers;

namespace PhanHoi.Bot.Dialogs.Validators;

/// <summary>
/// Complaints and denunciations (khiếu nại, tố cáo) do not belong in PAKN (Art. 1.2): the re-prompt explains
/// where they go instead of filing them.
/// </summary>
public sealed class OutOfScopeValidator : IPromptValidator
{
    private static readonly string[] Markers = ["khieu nai", "to cao", "don to cao", "don khieu nai"];

    public string Name => "outOfScope";

    public ValueTask<string?> ValidateAsync(object? value, Activity activity, CancellationToken cancellationToken)
    {
        var folded = VietnameseText.Fold(value as string);
        var outOfScope = Markers.Any(m => folded.Contains(m, StringComparison.Ordinal));
        return ValueTask.FromResult(outOfScope ? "outOfScope" : null);
    }
}
