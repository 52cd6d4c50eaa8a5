using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(StaffAuthSetup.Staff);
        cases.MapGet("/", CaseListEndpoint.List);
        cases.MapPost("/", CaseIntakeEndpoint.Create).RequireAuthorization(StaffAuthSetup.Reception);
        cases.MapPost("/by-phone", CaseListEndpoint.ByPhone);
        cases.MapGet("/{code}", Get);
        cases.MapGet("/{code}/history", History);
        cases.MapGet("/{code}/notices", CaseNoticesEndpoint.List);
        cases.MapPost("/{code}/{action}", Act);
        return app;
    }

    private static async Task<IResult> Get(string code, ClaimsPrincipal user, CaseDesk desk, HttpContext http, CancellationToken ct)
    {
        var actor = user.ToActor();
        var found = await desk.FindAsync(code, actor, ct);
        if (found is null)
        {
            return Problems.Problems.NotFound($"No case '{code}' that you may see.");
        }

        return await WithETagAsync(http, found, desk, actor, ct);
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryResponse>>, ProblemHttpResult>> History(
        string code, ClaimsPrincipal user, CaseDesk desk, CancellationToken ct)
    {
        var found = await desk.FindAsync(code, user.ToActor(), ct);
        if (found is null)
        {
            return Problems.Problems.NotFound($"No case '{code}' that you may see.");
        }

        var lines = await desk.HistoryAsync(found, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryResponse>>(
            [.. lines.Select(h => new HistoryResponse(h.At.ToOffset(TimeSpan.FromHours(7)), h.Actor, h.Action, h.FromState, h.ToState, h.Note))]);
    }

    private static async Task<IResult> Act(
        string code,
        string action,
        [FromBody] ActionRequest? body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        CaseDesk desk,
        HttpContext http,
        CancellationToken ct)
    {
        if (!StaffCommands.Actions.TryGetValue(action, out var caseAction))
        {
            return Problems.Problems.NotFound($"No action '{action}'.");
        }

        int? expected = null;
        if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch.Trim() != "*") // "*": whatever the current version is
        {
            if (ParseVersion(ifMatch) is not { } parsed)
            {
                return Problems.Problems.Invalid("If-Match", "If-Match must be the case's version, e.g. \"3\".");
            }

            expected = parsed;
        }

        var (command, errors) = StaffCommands.Read(caseAction, body);
        if (command is null)
        {
            return Problems.Problems.Invalid(errors!);
        }

        var actor = user.ToActor();
        return await desk.ActAsync(code, command, actor, expected, ct) switch
        {
            DeskOutcome.Done done => await WithETagAsync(http, done.Case, desk, actor, ct),
            DeskOutcome.Refused refused => Problems.Problems.From(refused.Refusal),
            DeskOutcome.Stale stale => Problems.Problems.PreconditionFailed(stale.CurrentVersion),
            _ => Problems.Problems.NotFound($"No case '{code}' that you may see."),
        };
    }

    private static async Task<IResult> WithETagAsync(HttpContext http, Case c, CaseDesk desk, Actor actor, CancellationToken ct)
    {
        var response = await ResponseForAsync(c, desk, actor, ct);
        http.Response.Headers.ETag = ETagOf(c);
        return TypedResults.Ok(response);
    }

    /// <summary>The case as this staff member may see it; the personal data in it is a recorded read.</summary>
    internal static async Task<CaseResponse> ResponseForAsync(Case c, CaseDesk desk, Actor actor, CancellationToken ct) =>
        CaseResponse.From(c, desk.Today, desk.AllowedActions(c, actor), await desk.RevealPersonalDataAsync(c, actor, ct));

    internal static string ETagOf(Case c) => $"\"{c.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static int? ParseVersion(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        value = value.Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
