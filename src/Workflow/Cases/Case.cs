using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// A PAKN case. Immutable: the state machine (<see cref="CaseWorkflow"/>) returns a new one for every action.
/// <see cref="Version"/> increases by one with every stored change (optimistic concurrency).
/// </summary>
public sealed record Case
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required CaseState State { get; init; }
    public required CaseChannel Channel { get; init; }
    public required string Category { get; init; }
    public required string ReceivingAgency { get; init; }

    /// <summary>The agency that processes the case; null until accepted or assigned.</summary>
    public string? HandlingAgency { get; init; }

    /// <summary>Transferred to the supervisor, who must assign a handling agency.</summary>
    public bool AwaitingAssignment { get; init; }

    public ImmutableArray<CoordinationRequest> Coordination { get; init; } = [];
    public required string Content { get; init; }
    public bool Confidential { get; init; }
    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    /// <summary>How many of <see cref="Attachments"/> came with the PAKN; the rest were supplied later. Null: none were.</summary>
    public int? FiledAttachmentCount { get; init; }

    /// <summary>The attachments sent with the PAKN, without those supplied on request (SPEC §5: not published).</summary>
    public IEnumerable<Attachment> FiledAttachments => Attachments.Take(FiledAttachmentCount ?? Attachments.Length);

    public GeoLocation? Location { get; init; }

    /// <summary>Secret: see <see cref="CitizenDetails"/>.</summary>
    public required CitizenDetails Citizen { get; init; }

    /// <summary>The chat that receives notices; null for cases typed in by reception.</summary>
    public CitizenAddress? CitizenAddress { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the triage clock started: the submission, or the citizen's last supplement.</summary>
    public DateTimeOffset? TriageStartedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? AssignedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public Deadlines Deadlines { get; init; } = Deadlines.None;

    /// <summary>What reception asked the citizen to supplement (state <see cref="CaseState.AwaitingInfo"/>).</summary>
    public string? InfoRequest { get; init; }

    public string? DelayReason { get; init; }
    public string? Answer { get; init; }
    public string? RejectReason { get; init; }
    public CloseKind? CloseKind { get; init; }
    public string? CloseNote { get; init; }
    public Rebuttal? Rebuttal { get; init; }

    /// <summary>Citizen's satisfaction, 1 (very unsatisfied) to 5 (very satisfied).</summary>
    public int? Rating { get; init; }

    public int Version { get; init; }

    public bool IsTerminal => State is CaseState.Completed or CaseState.Rejected or CaseState.Closed;

    /// <summary>The staff deadline that the current state runs against; null when no staff step is due.</summary>
    public DateOnly? StaffDueBy => State switch
    {
        CaseState.Submitted => Deadlines.TriageBy,
        CaseState.InProgress => Deadlines.ResolveBy,
        CaseState.Resolved => Deadlines.PublishBy,
        CaseState.Rebutted => Deadlines.RebuttalReviewBy,
        _ => null,
    };

    /// <summary>Overdue once the local date is past the staff deadline (a deadline ends at the end of its day).</summary>
    public bool IsOverdue(DateOnly today) => StaffDueBy is { } due && today > due;
}
