using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Cases;
using PhanHoi.Bot.Api.Hosting;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Public;

/// <summary>
/// A published case as anyone may read it: never personal data; the content and photos withheld when the sender
/// asked to keep them private (Art. 7.3).
/// </summary>
public sealed record PublicCaseResponse(
    string Code,
    CaseState State,
    string Category,
    string? HandlingAgency,
    string? Content,
    bool Confidential,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? PublishedAt,
    string? Answer,
    string? RebuttalAnswer,
    int? Rating)
{
    public static PublicCaseResponse From(Case c) => new(
        c.Code,
        c.State,
        c.Category,
        c.HandlingAgency ?? c.ReceivingAgency,
        c.Confidential ? null : PublishedContent.Of(c.Content),
        c.Confidential,
        c.Confidential ? [] : [.. c.FiledAttachments],
        c.SubmittedAt.ToOffset(TimeSpan.FromHours(7)),
        c.PublishedAt?.ToOffset(TimeSpan.FromHours(7)),
        PublishedContent.MaskedOrNull(c.Answer), // an answer may quote the citizen's number back to them
        PublishedContent.MaskedOrNull(c.Rebuttal?.Answer),
        c.Rating);

    /// <summary>Published at least once and not taken back: published, rebutted or completed after publication.</summary>
    public static bool IsPublic(Case c) =>
        c.PublishedAt is not null && c.State is CaseState.Published or CaseState.Rebutted or CaseState.Completed;
}

public static class PublicCaseEndpoints
{
    public static IEndpointRouteBuilder MapPublicCases(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        api.MapGet("/cases", List);
        api.MapGet("/cases/{code}", Get);
        return app;
    }

    private static async Task<Results<Ok<PageResponse<PublicCaseResponse>>, ValidationProblem>> List(
        CaseDesk desk, string? category, string? q, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = QueryInput.Page(page, pageSize, CaseListEndpoint.MaxPageSize, errors);

        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var result = await desk.SearchAsync(
            new CaseQuery(desk.Today, Category: Directory.ReferenceCodes.CategoryOrNull(category), Text: QueryInput.Text(q), PublishedOnly: true, Page: pageNumber, PageSize: size),
            ct);
        return TypedResults.Ok(new PageResponse<PublicCaseResponse>(
            [.. result.Items.Where(PublicCaseResponse.IsPublic).Select(PublicCaseResponse.From)], result.Total, result.Page, result.PageSize, result.TotalIsExact));
    }

    private static async Task<Results<Ok<PublicCaseResponse>, ProblemHttpResult>> Get(string code, CaseDesk desk, CancellationToken ct)
    {
        var found = await desk.FindPublishedAsync(code, ct);
        return found is not null
            ? TypedResults.Ok(PublicCaseResponse.From(found))
            : Problems.Problems.NotFound($"No published case '{code}'.");
    }
}
