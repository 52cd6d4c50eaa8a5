namespace PhanHoi.Bot.Dialogs.Scripted;

/// <summary>
/// Code a YAML conversation calls by name (<c>action: intake.submit</c>): the parts that are not just asking
/// and saying. Usually ends with <c>step.Waterfall.NextAsync</c>.
/// </summary>
public interface IDialogAction
{
    string Name { get; }

    Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken);
}
