using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record MeResponse(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, string Agency);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Auth");
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().RequireRateLimiting(StaffAuthSetup.LoginLimit);
        api.MapGet("/me", Me).RequireAuthorization(StaffAuthSetup.Staff);
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenRequest request, IStaffUserRepository users, StaffPasswords passwords, TokenIssuer issuer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Problems.Invalid("username", "Username and password are required.");
        }

        var user = await users.FindByUsernameAsync(request.Username.Trim(), ct);
        if (user is null || !user.IsActive || !passwords.Verify(user, request.Password))
        {
            return TypedResults.Problem(
                "Wrong username or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: ProblemTypes.Unauthorized);
        }

        return TypedResults.Ok(issuer.Issue(user));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(
        ClaimsPrincipal principal, IStaffUserRepository users, CancellationToken ct)
    {
        var user = Guid.TryParse(principal.FindFirstValue(StaffClaims.UserId), out var id)
            ? await users.FindByIdAsync(id, ct)
            : null;
        return user is null
            ? Problems.Problems.NotFound("This account no longer exists.")
            : TypedResults.Ok(new MeResponse(
                user.Id, user.Username, user.DisplayName, [.. user.Roles.Select(StaffClaims.RoleName).Order()], user.AgencyCode));
    }
}
