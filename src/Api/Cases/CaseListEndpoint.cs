using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Api.Hosting;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Cases;

public static class CaseListEndpoint
{
    public const int MaxPageSize = 100;

    /// <summary>GET /api/v1/cases, scoped: supervisors and administrators see all, others what their agency holds.</summary>
    public static async Task<IResult> List(
        ClaimsPrincipal user,
        CaseDesk desk,
        string? state,
        string? agency,
        string? category,
        string? overdue,
        string? q,
        string? from,
        string? to,
        string? page,
        string? pageSize,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = QueryInput.Page(page, pageSize, MaxPageSize, errors);
        var onlyOverdue = QueryInput.YesNo("overdue", overdue, errors);
        CaseState? parsedState = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            parsedState = WireNames.StateFrom(state);
            if (parsedState is null)
            {
                errors["state"] = [$"state must be one of {WireNames.AllStates} (one at a time)."];
            }
        }

        var since = QueryInput.Time("from", from, DayEdge.Start, errors);
        var until = QueryInput.Time("to", to, DayEdge.End, errors);
        if (since is not null && until is not null && since > until)
        {
            errors["from"] = ["from must not be after to."];
        }

        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var actor = user.ToActor();
        var seesAll = actor.Has(StaffRole.Supervisor) || actor.Has(StaffRole.Admin);
        var today = desk.Today;
        var result = await desk.SearchAsync(
            new CaseQuery(
                today,
                seesAll ? null : actor.AgencyCode ?? string.Empty,
                parsedState,
                Directory.ReferenceCodes.AgencyOrNull(agency),
                Directory.ReferenceCodes.CategoryOrNull(category),
                onlyOverdue,
                QueryInput.Text(q),
                since,
                until,
                PublishedOnly: false,
                pageNumber,
                size),
            ct);
        return Page(result, today);
    }

    /// <summary>
    /// POST /api/v1/cases/by-phone: the cases a phone number sent, or was sent on behalf of, among those the caller's
    /// agency received or handles (only its staff may know whose a case is). For the hotline and the counter, where a
    /// citizen rarely has the code at hand. Each case found is recorded in its history as a read of personal data.
    /// </summary>
    public static async Task<IResult> ByPhone(
        ClaimsPrincipal user, CaseDesk desk, PhoneSearchRequest? body, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = QueryInput.Page(page, pageSize, MaxPageSize, errors);
        var number = Workflow.Citizens.PhoneNumber.Validate(body?.Phone).Value;
        if (number is null)
        {
            errors["phone"] = [string.IsNullOrWhiteSpace(body?.Phone) ? "phone is required." : "phone is not a Vietnamese phone number."];
        }

        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var actor = user.ToActor();
        var today = desk.Today;
        var holder = Directory.ReferenceCodes.AgencyOrNull(actor.AgencyCode) ?? string.Empty; // no agency: no case is its to tell
        var result = await desk.SearchAsync(
            new CaseQuery(today, Page: pageNumber, PageSize: size, Phone: new PhoneSearch(number!, holder)), ct);
        foreach (var found in result.Items)
        {
            await desk.RevealPersonalDataAsync(found, actor, ct); // telling whose a case is uses the citizen's data (Art. 16)
        }

        return Page(result, today);
    }

    private static Ok<PageResponse<CaseSummary>> Page(CasePage result, DateOnly today) =>
        TypedResults.Ok(new PageResponse<CaseSummary>(
            [.. result.Items.Select(c => CaseSummary.From(c, today))], result.Total, result.Page, result.PageSize, result.TotalIsExact));
}
