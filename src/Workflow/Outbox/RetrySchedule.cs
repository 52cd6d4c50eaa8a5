using System.Security.Cryptography;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>Exponential backoff with ±20 % jitter, capped, so a platform outage is not hammered in lock-step.</summary>
public static class RetrySchedule
{
    public static TimeSpan Delay(int attempts, TimeSpan first, TimeSpan max)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var baseDelay = Math.Min(first.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jitter = 0.8 + (RandomNumberGenerator.GetInt32(0, 401) / 1000.0);
        return TimeSpan.FromMilliseconds(Math.Min(baseDelay * jitter, max.TotalMilliseconds));
    }
}
