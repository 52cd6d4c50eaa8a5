using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Scheduling;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>Runs <see cref="SlaSweep"/> at start and then every <see cref="SlaOptions.Interval"/>.</summary>
public sealed partial class SlaWorker(SlaSweep sweep, TimeProvider clock, IOptions<SlaOptions> options, ILogger<SlaWorker> logger)
    : PeriodicWorker(options.Value.Interval, clock)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        while (await sweep.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
        {
            // a full batch: more cases may be waiting
        }
    }

    protected override void OnFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(LogLevel.Error, "SLA sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
