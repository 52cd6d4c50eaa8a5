using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>Runs <see cref="SlaSweep"/> at start and then every <see cref="SlaOptions.Interval"/>.</summary>
public sealed partial class SlaWorker(SlaSweep sweep, TimeProvider clock, IOptions<SlaOptions> options, ILogger<SlaWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                while (await sweep.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
                {
                    // a full batch: more cases may be waiting
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
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

    [LoggerMessage(LogLevel.Error, "SLA sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
