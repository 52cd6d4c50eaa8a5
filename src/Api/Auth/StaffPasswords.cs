using Microsoft.AspNetCore.Identity;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format, rehash on upgrade).</summary>
public sealed class StaffPasswords
{
    public const int MinimumLength = 8;

    private readonly PasswordHasher<StaffUser> hasher = new();

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public bool Verify(StaffUser user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
