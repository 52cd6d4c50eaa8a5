using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Scheduling;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Forgets webhook events completed more than <see cref="InboxOptions.SeenRetention"/> ago, at start and then every
/// <see cref="InboxOptions.RetentionSweepInterval"/>, in batches: the database inbox would otherwise keep a row for every
/// message ever received. A platform re-delivers within hours, so after the retention nothing needs the key.
/// </summary>
public sealed partial class InboxRetention(IInboxStore inbox, TimeProvider clock, IOptions<InboxOptions> options, ILogger<InboxRetention> logger)
    : PeriodicWorker(options.Value.RetentionSweepInterval, clock)
{
    public const int BatchSize = 1_000;

    /// <summary>One sweep: every event completed before the retention, batch after batch. Returns how many were forgotten.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken)
    {
        var before = Clock.GetUtcNow() - options.Value.SeenRetention;
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

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => SweepAsync(stoppingToken);

    protected override void OnFailed(Exception exception) => LogSweepFailed(logger, exception.GetType().Name);

    [LoggerMessage(LogLevel.Information, "Inbox: forgot {Count} webhook events completed before the retention")]
    private static partial void LogForgotten(ILogger logger, long count);

    [LoggerMessage(LogLevel.Warning, "Inbox retention sweep failed: {Failure}")]
    private static partial void LogSweepFailed(ILogger logger, string failure);
}
