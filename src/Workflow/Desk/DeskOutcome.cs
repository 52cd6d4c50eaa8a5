using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Desk;

/// <summary>What became of a request to the case desk; the API maps each kind to one HTTP answer.</summary>
public abstract record DeskOutcome
{
    public sealed record Done(Case Case) : DeskOutcome;

    /// <summary>No such case, or not visible to the caller (never tell which).</summary>
    public sealed record NotFound : DeskOutcome;

    public sealed record Refused(Refusal Refusal) : DeskOutcome;

    /// <summary>The caller's If-Match version is stale.</summary>
    public sealed record Stale(int CurrentVersion) : DeskOutcome;
}
