using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Scheduling;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Keeps the OA token fresh even when nobody writes: every <see cref="Interval"/> it asks for the token, which
/// refreshes it when it is close to expiry. Without this a quiet OA could let the rotating grant lapse.
/// </summary>
public sealed partial class ZaloTokenRefresher(ZaloAccessTokens tokens, ILogger<ZaloTokenRefresher> logger)
    : PeriodicWorker(Interval, TimeProvider.System)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => tokens.GetAsync(stoppingToken);

    protected override void OnFailed(Exception exception) =>
        LogUnavailable(logger, exception is ZaloTokenException ? exception.Message : exception.GetType().Name);

    [LoggerMessage(LogLevel.Error, "Zalo OA token check failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
