using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// What the bot asks of the case workflow on a citizen's behalf. The host wires it to the workflow; the bot
/// never touches repositories directly. Every action is performed as the citizen at <c>citizen</c>, who may only
/// see and act on the cases sent from that address.
/// </summary>
public interface ICitizenCaseDesk
{
    /// <summary>Files a PAKN.</summary>
    Task<FiledCase> SubmitAsync(NewCase newCase, CancellationToken cancellationToken);

    /// <summary>The case filed under <see cref="NewCase.SubmissionKey"/> <paramref name="submissionKey"/>, if any.</summary>
    Task<FiledCase?> FindSubmissionAsync(string submissionKey, CancellationToken cancellationToken);

    /// <summary>A case by code (any letter case, with or without dashes) if it belongs to this citizen, else null.</summary>
    Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken);

    /// <summary>A published case anyone may read, without personal data; null if there is none with that code.</summary>
    Task<PublicCaseView?> FindPublishedAsync(string code, CancellationToken cancellationToken);

    /// <summary>The citizen's recent cases, newest first.</summary>
    Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken);

    /// <summary>Adds what reception asked for (text and files) to a case awaiting information.</summary>
    Task<CitizenActResult> SupplementAsync(string code, CitizenAddress citizen, string text, ImmutableArray<Attachment> attachments, CancellationToken cancellationToken);

    /// <summary>The citizen's one rebuttal (phúc đáp) of a published result.</summary>
    Task<CitizenActResult> RebutAsync(string code, CitizenAddress citizen, string text, CancellationToken cancellationToken);

    /// <summary>Satisfaction with the result, 1 to 5.</summary>
    Task<CitizenActResult> RateAsync(string code, CitizenAddress citizen, int score, CancellationToken cancellationToken);

    /// <summary>Withdraws a case still open.</summary>
    Task<CitizenActResult> WithdrawAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken);
}

/// <summary>What became of a citizen's action on a case.</summary>
public enum CitizenActResult
{
    Done,

    /// <summary>No such case, or not this citizen's.</summary>
    NotFound,

    /// <summary>Not possible in the case's current state (e.g. the rebuttal was already used or its window ended).</summary>
    NotAllowed,

    /// <summary>The input was refused (blank text, a score outside 1–5).</summary>
    Invalid,
}

/// <summary>What a citizen may see of their own case in chat.</summary>
public sealed record CitizenCaseView
{
    public required string Code { get; init; }
    public required CaseState State { get; init; }
    public required string Category { get; init; }
    public required string Content { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public Deadlines Deadlines { get; init; } = Deadlines.None;
    public string? InfoRequest { get; init; }
    public string? DelayReason { get; init; }
    public string? RejectReason { get; init; }
    public string? Answer { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public Rebuttal? Rebuttal { get; init; }
    public int? Rating { get; init; }

    /// <summary>What the citizen may do with the case now (supplement, rebut, rate, withdraw), as the workflow says.</summary>
    public ImmutableArray<CaseAction> AllowedActions { get; init; } = [];

    public bool Allows(CaseAction action) => !AllowedActions.IsDefault && AllowedActions.Contains(action);
}

/// <summary>A published case as the public sees it: no personal data, content withheld when confidential.</summary>
public sealed record PublicCaseView(
    string Code,
    CaseState State,
    string Category,
    string? Content,
    string? Answer,
    DateTimeOffset? PublishedAt,
    string? RebuttalAnswer);
