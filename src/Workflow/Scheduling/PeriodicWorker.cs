using Microsoft.Extensions.Hosting;

namespace PhanHoi.Bot.Workflow.Scheduling;

/// <summary>
/// A background service that runs <see cref="RunOnceAsync"/> at start and then every period until the host stops. A
/// round that fails is reported (<see cref="OnFailed"/>) and the next one still runs on time.
/// </summary>
public abstract class PeriodicWorker(TimeSpan period, TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OnFailed(ex);
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
}
