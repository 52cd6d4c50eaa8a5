using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.Cases;

/// <summary>Deadlines as the end of their local day (Asia/Ho_Chi_Minh), when they expire.</summary>
public sealed record DeadlinesResponse(
    DateTimeOffset? TriageBy, DateTimeOffset? ResolveBy, DateTimeOffset? PublishBy, DateTimeOffset? RebuttalBy, DateTimeOffset? RebuttalReviewBy)
{
    public static DeadlinesResponse From(Deadlines d) => new(
        End(d.TriageBy), End(d.ResolveBy), End(d.PublishBy), End(d.RebuttalBy), End(d.RebuttalReviewBy));

    private static DateTimeOffset? End(DateOnly? date) => date is { } d ? LocalClock.EndOfDay(d) : null;
}

public sealed record CoordinationResponse(string AgencyCode, string Request, DateTimeOffset RequestedAt, DateTimeOffset ReplyBy, string? Opinion, DateTimeOffset? RepliedAt);

public sealed record RebuttalResponse(string Text, DateTimeOffset At, string? Answer, DateTimeOffset? AnsweredAt);

public sealed record ProxyResponse(string Name, string Address, string Phone, string Reason, bool Consent);

public sealed record CitizenResponse(string Name, string Phone, string? TaxCode, ProxyResponse? Proxy, string? ChatChannel);

/// <summary>
/// A case as staff in scope see it; the citizen's personal data only for staff whose agency holds the case (every such
/// read is recorded): <c>citizen</c> is null for the others, and numbers and addresses in the content and the rebuttal are
/// masked for them. Every time is in Vietnam's offset (+07:00), as the deadlines are.
/// </summary>
public sealed record CaseResponse(
    string Code,
    CaseState State,
    CaseChannel Channel,
    string Category,
    string ReceivingAgency,
    string? HandlingAgency,
    bool AwaitingAssignment,
    IReadOnlyList<CoordinationResponse> Coordination,
    string Content,
    bool Confidential,
    IReadOnlyList<Attachment> Attachments,
    GeoLocation? Location,
    DateTimeOffset SubmittedAt,
    DeadlinesResponse Deadlines,
    bool Overdue,
    string? InfoRequest,
    string? DelayReason,
    string? Answer,
    string? RejectReason,
    CloseKind? CloseKind,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? PublishedAt,
    RebuttalResponse? Rebuttal,
    int? Rating,
    int Version,
    IReadOnlyList<CaseAction> AllowedActions,
    CitizenResponse? Citizen)
{
    public static CaseResponse From(Case c, DateOnly today, IReadOnlyList<CaseAction> allowed, bool withPersonalData) => new(
        c.Code,
        c.State,
        c.Channel,
        c.Category,
        c.ReceivingAgency,
        c.HandlingAgency,
        c.AwaitingAssignment,
        [.. c.Coordination.Select(r => new CoordinationResponse(r.AgencyCode, r.Request, LocalClock.ToLocal(r.RequestedAt), LocalClock.EndOfDay(r.ReplyBy), r.Opinion, LocalClock.ToLocal(r.RepliedAt)))],
        withPersonalData ? c.Content : PublishedContent.Masked(c.Content), // supplements often hold contact details
        c.Confidential,
        c.Attachments,
        c.Location,
        LocalClock.ToLocal(c.SubmittedAt),
        DeadlinesResponse.From(c.Deadlines),
        c.IsOverdue(today),
        c.InfoRequest,
        c.DelayReason,
        c.Answer,
        c.RejectReason,
        c.CloseKind,
        LocalClock.ToLocal(c.ResolvedAt),
        LocalClock.ToLocal(c.PublishedAt),
        c.Rebuttal is { } r ? new RebuttalResponse(withPersonalData ? r.Text : PublishedContent.Masked(r.Text), LocalClock.ToLocal(r.At), r.Answer, LocalClock.ToLocal(r.AnsweredAt)) : null,
        c.Rating,
        c.Version,
        allowed,
        withPersonalData
            ? new CitizenResponse(
                c.Citizen.Name,
                c.Citizen.Phone,
                c.Citizen.TaxCode,
                c.Citizen.Proxy is { } p ? new ProxyResponse(p.Name, p.Address, p.Phone, p.Reason, p.Consent) : null,
                c.CitizenAddress?.Channel)
            : null);
}

/// <summary>A line of the staff case list: no personal data (the content masked), so listing records no read.</summary>
public sealed record CaseSummary(
    string Code,
    CaseState State,
    CaseChannel Channel,
    string Category,
    string ReceivingAgency,
    string? HandlingAgency,
    bool AwaitingAssignment,
    string Content,
    DateTimeOffset SubmittedAt,
    DeadlinesResponse Deadlines,
    bool Overdue,
    int Version)
{
    public static CaseSummary From(Case c, DateOnly today) => new(
        c.Code, c.State, c.Channel, c.Category, c.ReceivingAgency, c.HandlingAgency, c.AwaitingAssignment,
        PublishedContent.Masked(c.Content), LocalClock.ToLocal(c.SubmittedAt), DeadlinesResponse.From(c.Deadlines), c.IsOverdue(today), c.Version);
}

/// <summary>
/// A list page. <c>totalIsExact</c> (an addition to CONTRACT.md's <c>{items, total, page, pageSize}</c>) is false when
/// more than <c>total</c> cases match: broad filters are counted only up to 10,000 (or past the requested page).
/// </summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize, bool TotalIsExact);

public sealed record HistoryResponse(DateTimeOffset At, string Actor, CaseAction Action, CaseState? FromState, CaseState? ToState, string? Note);

/// <summary>A message queued for the citizen's chat about a case (<c>GET /api/v1/cases/{code}/notices</c>).</summary>
public sealed record NoticeResponse(
    long Id,
    NoticeKind Kind,
    string Text,
    string Channel,
    OutboxStatus Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError);
