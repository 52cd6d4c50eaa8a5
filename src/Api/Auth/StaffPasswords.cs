using System.Text;
using Microsoft.AspNetCore.Identity;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Api.Auth;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format, rehash on upgrade).</summary>
public sealed class StaffPasswords
{
    public const int MinimumLength = 8;

    private readonly PasswordHasher<StaffUser> hasher = new();

    /// <summary>Hashes the password as typed, NFC (the same letters from any keyboard are the same password).</summary>
    public string Hash(string password) => hasher.HashPassword(null!, Typed(password));

    /// <summary>
    /// Whether the password is the user's. A hash made before passwords were kept NFC may be of the decomposed form: that
    /// form is tried too when it differs.
    /// </summary>
    public bool Verify(StaffUser user, string password)
    {
        var typed = Typed(password);
        var decomposed = typed.Normalize(NormalizationForm.FormD);
        return Matches(user, typed) || (decomposed != typed && Matches(user, decomposed));
    }

    private bool Matches(StaffUser user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    private static string Typed(string password) => Workflow.Cases.PlainText.Clean(password) ?? string.Empty;
}
