using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Channels.Zalo;

/// <summary>
/// Keeps the OA token fresh even when nobody writes: every <see cref="Interval"/> it asks for the token, which
/// refreshes it when it is close to expiry. Without this a quiet OA could let the rotating grant lapse.
/// </summary>
public sealed partial class ZaloTokenRefresher(ZaloAccessTokens tokens, ILogger<ZaloTokenRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await tokens.GetAsync(stoppingToken);
            }
            catch (ZaloTokenException ex)
            {
                LogUnavailable(logger, ex.Message);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogUnavailable(logger, ex.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Zalo OA token check failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
