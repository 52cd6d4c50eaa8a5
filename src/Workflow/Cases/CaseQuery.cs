namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Filters of GET /api/v1/cases. <see cref="ScopeAgency"/> limits a handler to the cases its agency handles,
/// received, or was asked to coordinate; null means everything (supervisor, admin). <see cref="Phone"/> finds the cases
/// the number sent or was sent for, among those whose personal data <see cref="Phone"/>'s agency may see.
/// </summary>
public sealed record CaseQuery(
    DateOnly Today,
    string? ScopeAgency = null,
    CaseState? State = null,
    string? Agency = null,
    string? Category = null,
    bool? Overdue = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool PublishedOnly = false,
    int Page = 1,
    int PageSize = 20,
    PhoneSearch? Phone = null);

/// <summary>
/// A search by phone number, limited to the cases <paramref name="HoldingAgency"/> received or handles: only there may
/// its staff see who sent them (<see cref="CaseAccess.CanSeePersonalData"/>), so only there may they tell whose they are.
/// </summary>
public sealed record PhoneSearch(Citizens.PhoneNumber Number, string HoldingAgency);

/// <summary>
/// One page of a <see cref="CaseQuery"/>. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise more
/// than <see cref="Total"/> cases match (broad filters are counted only so far).
/// </summary>
public sealed record CasePage(IReadOnlyList<Case> Items, long Total, int Page, int PageSize, bool TotalIsExact = true);
