using Microsoft.AspNetCore.Http;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// A platform outage: for a while every send-API call fails, in turn with 500, with 429 (<c>Retry-After: 2</c>) and
/// by hanging (no answer until the caller gives up).
/// </summary>
public sealed class PlatformFaults
{
    private long outageEndsAt;
    private long refused;

    public long Refused => Interlocked.Read(ref refused);

    public bool Active => Environment.TickCount64 < Interlocked.Read(ref outageEndsAt);

    public void Begin(TimeSpan length) => Interlocked.Exchange(ref outageEndsAt, Environment.TickCount64 + (long)length.TotalMilliseconds);

    /// <summary>Answers the call as the broken platform would; false when the platform is up.</summary>
    public async Task<bool> TryFailAsync(HttpContext context)
    {
        if (!Active)
        {
            return false;
        }

        switch (Interlocked.Increment(ref refused) % 3)
        {
            case 0:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("{\"error\":\"internal\"}");
                break;
            case 1:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "2";
                await context.Response.WriteAsync("{\"error\":\"rate limited\"}");
                break;
            default:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(40), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return true; // the caller timed out, as it should
                }

                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                break;
        }

        return true;
    }
}
