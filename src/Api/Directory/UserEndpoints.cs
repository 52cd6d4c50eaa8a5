using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Directory;

public sealed record UserRequest(string? Username, string? Password, string? DisplayName, IReadOnlyList<string>? Roles, string? AgencyCode);

public sealed record UserResponse(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, string AgencyCode, DateTimeOffset? DisabledAt = null)
{
    public static UserResponse From(StaffUser user) =>
        new(user.Id, user.Username, user.DisplayName, [.. user.Roles.Select(StaffClaims.RoleName).Order()], user.AgencyCode, Workflow.Calendar.LocalClock.ToLocal(user.DisabledAt));
}

public static class UserEndpoints
{
    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> AddUser(
        UserRequest request, IStaffUserRepository users, IDirectoryRepository directory, StaffPasswords passwords,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new ReferenceValidator();
        if (string.IsNullOrWhiteSpace(request.Username) || request.Username.Trim().Length is < 3 or > 64)
        {
            validator.Add("username", "A username of 3–64 characters is required.");
        }

        if (request.Password is null || request.Password.Length < StaffPasswords.MinimumLength || request.Password.Distinct().Count() < 4)
        {
            validator.Add("password", $"A password of at least {StaffPasswords.MinimumLength} characters, not all the same few characters, is required.");
        }

        var roles = (request.Roles ?? []).Select(r => StaffClaims.ParseRole(r ?? string.Empty)).ToList();
        if (roles.Count == 0 || roles.Any(r => r is null))
        {
            validator.Add("roles", "Roles must be one or more of reception, handler, supervisor, admin.");
        }

        var agencyCode = ReferenceCodes.AgencyOrNull(request.AgencyCode);
        if (agencyCode is null || await directory.FindAgencyAsync(agencyCode, ct) is null)
        {
            validator.Add("agencyCode", "An existing agency code is required.");
        }

        if (validator.Errors.Count > 0)
        {
            return Problems.Problems.Invalid(validator.Errors);
        }

        var user = new StaffUser(
            Guid.NewGuid(),
            request.Username!.Trim(),
            string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username.Trim() : request.DisplayName.Trim(),
            passwords.Hash(request.Password!),
            roles.OfType<StaffRole>().ToImmutableHashSet(),
            agencyCode!,
            clock.GetUtcNow());
        if (!await users.AddAsync(user, ct))
        {
            return Problems.Problems.Conflict($"Username '{user.Username}' is taken.");
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    public static async Task<Ok<UserResponse[]>> List(IStaffUserRepository users, CancellationToken ct) =>
        TypedResults.Ok((await users.ListAsync(ct)).Select(UserResponse.From).ToArray());

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Get(Guid id, IStaffUserRepository users, CancellationToken ct) =>
        await users.FindByIdAsync(id, ct) is { } user ? TypedResults.Ok(UserResponse.From(user)) : Problems.Problems.NotFound($"No user '{id}'.");

    /// <summary>Disables an account (someone left or changed job): no more logins, and its tokens are refused.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Disable(
        Guid id, System.Security.Claims.ClaimsPrincipal admin, IStaffUserRepository users, StaffAccountCheck accounts, TimeProvider clock, CancellationToken ct)
    {
        if (admin.ToActor().Id == id.ToString())
        {
            return Problems.Problems.Conflict("An administrator cannot disable their own account.");
        }

        return await SetDisabledAsync(id, clock.GetUtcNow(), users, accounts, ct);
    }

    public static Task<Results<Ok<UserResponse>, ProblemHttpResult>> Enable(
        Guid id, IStaffUserRepository users, StaffAccountCheck accounts, CancellationToken ct) =>
        SetDisabledAsync(id, null, users, accounts, ct);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetDisabledAsync(
        Guid id, DateTimeOffset? at, IStaffUserRepository users, StaffAccountCheck accounts, CancellationToken ct)
    {
        if (!await users.SetDisabledAsync(id, at, ct))
        {
            return Problems.Problems.NotFound($"No user '{id}'.");
        }

        accounts.Forget(id);
        return TypedResults.Ok(UserResponse.From((await users.FindByIdAsync(id, ct))!));
    }
}
