using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>
/// A token is only as good as its account: one whose account was disabled (or removed) is refused. What the store says
/// is kept for <see cref="Lifetime"/>, so a request costs no query; disabling through this instance applies at once,
/// through another within the lifetime.
/// </summary>
public sealed class StaffAccountCheck(IStaffUserRepository users, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (bool Active, DateTimeOffset ReadAt)> known = new();

    public async Task ValidateAsync(TokenValidatedContext context)
    {
        if (context.Principal is not { } principal
            || !Guid.TryParse(principal.FindFirst(StaffClaims.UserId)?.Value, out var id)
            || !await IsActiveAsync(id, context.HttpContext.RequestAborted))
        {
            context.Fail("The account is disabled or no longer exists.");
        }
    }

    public void Forget(Guid id) => known.TryRemove(id, out _);

    private async Task<bool> IsActiveAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue(id, out var entry) && now - entry.ReadAt < Lifetime)
        {
            return entry.Active;
        }

        var user = await users.FindByIdAsync(id, cancellationToken);
        var active = user is { IsActive: true };
        known[id] = (active, now);
        return active;
    }
}
