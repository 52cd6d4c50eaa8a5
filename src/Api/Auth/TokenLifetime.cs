namespace PhanHoi.Bot.Api.Auth;

/// <summary>Token lifetime checked against the host's <see cref="TimeProvider"/> (the same clock that issued it).</summary>
public static class TokenLifetime
{
    public static bool IsValid(DateTimeOffset now, DateTime? notBefore, DateTime? expires, TimeSpan skew) =>
        expires is { } until
        && now.UtcDateTime <= until.ToUniversalTime() + skew
        && (notBefore is not { } from || now.UtcDateTime >= from.ToUniversalTime() - skew);
}
