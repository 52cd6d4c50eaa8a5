using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Forgets webhook events completed more than <see cref="InboxOptions.SeenRetention"/> ago, at start and then every
/// <see cref="InboxOptions.RetentionSweepInterval"/>, in batches: the database inbox would otherwise keep a row for every
/// message ever received. A platform re-delivers within hours, so after the retention nothing needs the key.
/// </summary>
public sealed partial class InboxRetention(IInboxStore inbox, TimeProvider clock, IOptions<InboxOptions> options, ILogger<InboxRetention> logger)
    : BackgroundService
{
    public const int BatchSize = 1_000;

    /// <summary>One sweep: every event completed before the retention, batch after batch. Returns how many were forgotten.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.SeenRetention;
        long forgotten = 0;
        int batch;
        do
        {
            batch = await inbox.ForgetDoneAsync(before, BatchSize, cancellationToken);
            forgotten += batch;
        }
        while (batch >= BatchSize);

        if (forgotten > 0)
        {
            LogForgotten(logger, forgotten);
        }

        return forgotten;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex.GetType().Name);
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

    [LoggerMessage(LogLevel.Information, "Inbox: forgot {Count} webhook events completed before the retention")]
    private static partial void LogForgotten(ILogger logger, long count);

    [LoggerMessage(LogLevel.Warning, "Inbox retention sweep failed: {Failure}")]
    private static partial void LogSweepFailed(ILogger logger, string failure);
}
