namespace PhanHoi.Bot.Api.Auth;

/// <summary>Section <c>Auth:Jwt</c>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";
    public const string Issuer = "phanhoi-bot";
    public const string Audience = "phanhoi-staff";

    /// <summary>Base64 or plain text of at least 32 bytes; generated and stored for the embedded default only.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Section <c>Auth:BootstrapAdmin</c>: the first administrator, created at start if no user exists.</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "Auth:BootstrapAdmin";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
