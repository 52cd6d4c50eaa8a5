using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>What a staff token says, and the <see cref="Actor"/> it stands for.</summary>
public static class StaffClaims
{
    public const string Agency = "agency";
    public const string UserId = "sub";
    public const string Username = "name";
    public const string Role = "role";

    public static IEnumerable<Claim> For(StaffUser user) =>
    [
        new(UserId, user.Id.ToString()),
        new(Username, user.Username),
        new(Agency, user.AgencyCode),
        .. user.Roles.Select(r => new Claim(Role, RoleName(r))),
    ];

    public static Actor ToActor(this ClaimsPrincipal principal) => new(
        ActorKind.Staff,
        principal.FindFirstValue(UserId) ?? throw new InvalidOperationException("Token without subject."),
        principal.FindAll(Role).Select(c => ParseRole(c.Value)).OfType<StaffRole>().ToImmutableHashSet(),
        principal.FindFirstValue(Agency));

    public static string RoleName(StaffRole role) => role.ToString().ToLowerInvariant();

    public static StaffRole? ParseRole(string name) => WireNames.Parse<StaffRole>(name, JsonNamingPolicy.CamelCase);
}
