namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>An agency asked for its opinion on a multi-agency case (5 working days to reply).</summary>
public sealed record CoordinationRequest(
    string AgencyCode,
    string Request,
    DateTimeOffset RequestedAt,
    DateOnly ReplyBy,
    string? Opinion = null,
    DateTimeOffset? RepliedAt = null)
{
    public bool IsAnswered => RepliedAt is not null;
}
