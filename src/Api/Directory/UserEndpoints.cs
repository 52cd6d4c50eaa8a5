using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Directory;

public sealed record UserRequest(string? Username, string? Password, string? DisplayName, IReadOnlyList<string>? Roles, string? AgencyCode);

public sealed record UserResponse(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, string AgencyCode);

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

        if (string.IsNullOrWhiteSpace(request.AgencyCode) || await directory.FindAgencyAsync(request.AgencyCode, ct) is null)
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
            request.AgencyCode!.Trim().ToUpperInvariant(),
            clock.GetUtcNow());
        if (!await users.AddAsync(user, ct))
        {
            return Problems.Problems.Conflict($"Username '{user.Username}' is taken.");
        }

        return TypedResults.Created(
            $"/api/v1/users/{user.Id}",
            new UserResponse(user.Id, user.Username, user.DisplayName, [.. user.Roles.Select(StaffClaims.RoleName).Order()], user.AgencyCode));
    }
}
