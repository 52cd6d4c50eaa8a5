namespace PhanHoi.Bot.Turns.RateLimiting;

public enum RateLimitOutcome
{
    Allowed,

    /// <summary>Over the limit for the first time in this window: tell the citizen once.</summary>
    LimitedFirstTime,

    /// <summary>Still over the limit: drop silently, the citizen has been told.</summary>
    Limited,
}

/// <summary>Per-citizen message budget against flooding (SPEC §5).</summary>
public interface IRateLimiter
{
    ValueTask<RateLimitOutcome> AcquireAsync(string citizenKey, CancellationToken cancellationToken);
}
