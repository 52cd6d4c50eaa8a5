namespace PhanHoi.Bot.Definitions;

/// <summary>The dialog files are broken; the message lists each problem as <c>file:line: what</c>.</summary>
public sealed class DialogDefinitionException(IReadOnlyList<string> problems)
    : Exception("Dialog definitions are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The names code provides that YAML may refer to.</summary>
public sealed record DefinitionRequirements(
    IReadOnlySet<string> Validators,
    IReadOnlySet<string> Actions,
    IReadOnlySet<string> ChoiceSources,
    IReadOnlyList<string> RequiredMessages);
