namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>The citizen's one rebuttal (phúc đáp) of a published result, and the agency's review of it.</summary>
public sealed record Rebuttal(string Text, DateTimeOffset At, string? Answer = null, DateTimeOffset? AnsweredAt = null);

public enum CloseKind
{
    Thanks,
    Obsolete,
    Withdrawn,
}
