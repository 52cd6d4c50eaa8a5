namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Legal deadlines as local dates (Asia/Ho_Chi_Minh): a deadline ends at the end of that day (Civil Code Art. 148).
/// </summary>
public sealed record Deadlines(
    DateOnly? TriageBy = null,
    DateOnly? ResolveBy = null,
    DateOnly? PublishBy = null,
    DateOnly? RebuttalBy = null,
    DateOnly? RebuttalReviewBy = null)
{
    public static Deadlines None { get; } = new();
}
