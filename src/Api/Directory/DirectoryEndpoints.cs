using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Directory;

public sealed record ReferenceItem(string Code, string Name);

public sealed record CategoryItem(string Code, string Name, string? DefaultAgencyCode, IReadOnlyList<string> Keywords);

public sealed record AgencyRequest(string? Code, string? Name);

public sealed record CategoryRequest(string? Code, string? Name, string? DefaultAgencyCode, IReadOnlyList<string>? Keywords);

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Directory").RequireAuthorization(StaffAuthSetup.Staff);
        api.MapGet("/agencies", async (IDirectoryRepository directory, CancellationToken ct) =>
            TypedResults.Ok((await directory.ListAgenciesAsync(ct)).Select(a => new ReferenceItem(a.Code, a.Name))));
        api.MapGet("/categories", async (IDirectoryRepository directory, CancellationToken ct) =>
            TypedResults.Ok((await directory.ListCategoriesAsync(ct)).Select(ToItem)));
        api.MapGet("/agencies/{code}", async Task<Results<Ok<ReferenceItem>, ProblemHttpResult>> (string code, IDirectoryRepository directory, CancellationToken ct) =>
            await directory.FindAgencyAsync(ReferenceCodes.Agency(code), ct) is { } agency
                ? TypedResults.Ok(new ReferenceItem(agency.Code, agency.Name))
                : Problems.Problems.NotFound($"No agency '{code}'."));
        api.MapGet("/categories/{code}", async Task<Results<Ok<CategoryItem>, ProblemHttpResult>> (string code, IDirectoryRepository directory, CancellationToken ct) =>
            await directory.FindCategoryAsync(ReferenceCodes.Category(code), ct) is { } category
                ? TypedResults.Ok(ToItem(category))
                : Problems.Problems.NotFound($"No category '{code}'."));
        api.MapPost("/agencies", AddAgency).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapPost("/categories", AddCategory).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapPost("/users", UserEndpoints.AddUser).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapGet("/users", UserEndpoints.List).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapGet("/users/{id:guid}", UserEndpoints.Get).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapPost("/users/{id:guid}/disable", UserEndpoints.Disable).RequireAuthorization(StaffAuthSetup.Admin);
        api.MapPost("/users/{id:guid}/enable", UserEndpoints.Enable).RequireAuthorization(StaffAuthSetup.Admin);
        return app;
    }

    private static async Task<Results<Created<ReferenceItem>, ValidationProblem, ProblemHttpResult>> AddAgency(
        AgencyRequest request, IDirectoryRepository directory, CancellationToken ct)
    {
        var errors = new ReferenceValidator().Code(request.Code).Name(request.Name).Errors;
        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var agency = new Agency(ReferenceCodes.Agency(request.Code!), request.Name!.Trim());
        return await directory.AddAgencyAsync(agency, ct)
            ? TypedResults.Created($"/api/v1/agencies/{agency.Code}", new ReferenceItem(agency.Code, agency.Name))
            : Problems.Problems.Conflict($"Agency '{agency.Code}' exists already.");
    }

    private static async Task<Results<Created<CategoryItem>, ValidationProblem, ProblemHttpResult>> AddCategory(
        CategoryRequest request, IDirectoryRepository directory, CancellationToken ct)
    {
        var validator = new ReferenceValidator().Code(request.Code).Name(request.Name);
        var agencyCode = ReferenceCodes.AgencyOrNull(request.DefaultAgencyCode);
        if (agencyCode is not null && await directory.FindAgencyAsync(agencyCode, ct) is null)
        {
            validator.Add("defaultAgencyCode", $"Unknown agency '{agencyCode}'.");
        }

        if (validator.Errors.Count > 0)
        {
            return Problems.Problems.Invalid(validator.Errors);
        }

        var category = new Category(
            ReferenceCodes.Category(request.Code!),
            request.Name!.Trim(),
            agencyCode,
            [.. (request.Keywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim())]);
        return await directory.AddCategoryAsync(category, ct)
            ? TypedResults.Created($"/api/v1/categories/{category.Code}", ToItem(category))
            : Problems.Problems.Conflict($"Category '{category.Code}' exists already.");
    }

    private static CategoryItem ToItem(Category c) => new(c.Code, c.Name, c.DefaultAgencyCode, c.Keywords);
}
