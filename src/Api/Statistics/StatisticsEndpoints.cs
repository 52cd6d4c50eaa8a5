using PhanHoi.Bot.Api.Hosting;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Statistics;

namespace PhanHoi.Bot.Api.Statistics;

public sealed record StatisticsResponse(DateOnly From, DateOnly To, IReadOnlyList<AgencyStatistics> Items);

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Statistics").RequireAuthorization(StaffAuthSetup.Staff).MapGet("/stats", Get);
        return app;
    }

    /// <summary>Per agency, for a period of local dates (default: the current quarter so far).</summary>
    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem>> Get(
        string? from, string? to, string? agency, CaseDesk desk, IStatisticsQuery statistics, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var since = QueryInput.Date("from", from, errors);
        var until = QueryInput.Date("to", to, errors);
        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var today = desk.Today;
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var start = since ?? quarterStart;
        var end = until ?? today;
        if (start > end)
        {
            return Problems.Problems.Invalid("from", "from must not be after to.");
        }

        if (end.DayNumber - start.DayNumber > 3660)
        {
            return Problems.Problems.Invalid("to", "The period is at most ten years.");
        }

        var items = await statistics.ComputeAsync(
            new StatisticsQuery(start, end, Directory.ReferenceCodes.AgencyOrNull(agency), today), ct);
        return TypedResults.Ok(new StatisticsResponse(start, end, items));
    }
}
