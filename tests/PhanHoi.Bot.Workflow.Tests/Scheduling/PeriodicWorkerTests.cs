using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Scheduling;

namespace PhanHoi.Bot.Workflow.Tests.Scheduling;

public sealed class PeriodicWorkerTests
{
    [Fact]
    public async Task It_runs_at_start_then_every_period_and_a_failed_round_does_not_stop_the_next()
    {
        var clock = new FakeTimeProvider();
        var worker = new FailingFirst(clock);

        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => worker.Failures == 1);
        Assert.Equal(1, worker.Rounds);

        clock.Advance(TimeSpan.FromMinutes(10));
        await WaitUntilAsync(() => worker.Rounds == 2);
        clock.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(50);
        Assert.Equal(2, worker.Rounds); // not before the period is up

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(1, worker.Failures);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the round did not run");
            await Task.Delay(10);
        }
    }

    private sealed class FailingFirst(TimeProvider clock) : PeriodicWorker(TimeSpan.FromMinutes(10), clock)
    {
        private int rounds;
        private int failures;

        public int Rounds => Volatile.Read(ref rounds);

        public int Failures => Volatile.Read(ref failures);

        protected override Task RunOnceAsync(CancellationToken stoppingToken) =>
            Interlocked.Increment(ref rounds) == 1 ? throw new InvalidOperationException("first round") : Task.CompletedTask;

        protected override void OnFailed(Exception exception) => Interlocked.Increment(ref failures);
    }
}
