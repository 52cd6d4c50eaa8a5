using PhanHoi.Bot.Workflow.Signals;

namespace PhanHoi.Bot.Workflow.Tests.Signals;

public sealed class WakeSignalTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Many_notifications_before_the_worker_wakes_count_as_one()
    {
        using var signal = new WakeSignal();
        for (var i = 0; i < 100; i++)
        {
            signal.Notify();
        }

        Assert.True(await signal.WaitAsync(Short, CancellationToken.None));
        Assert.False(await signal.WaitAsync(Short, CancellationToken.None));
    }

    [Fact]
    public async Task A_notification_after_the_worker_woke_wakes_it_again()
    {
        using var signal = new WakeSignal();
        signal.Notify();
        Assert.True(await signal.WaitAsync(Short, CancellationToken.None));

        signal.Notify();

        Assert.True(await signal.WaitAsync(Short, CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_worker_is_woken_by_a_notification_from_another_thread()
    {
        using var signal = new WakeSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        await Task.Run(signal.Notify);

        Assert.True(await waiting);
    }

    [Fact]
    public async Task Without_a_notification_the_wait_ends_at_its_timeout_or_cancellation()
    {
        using var signal = new WakeSignal();
        using var cancel = new CancellationTokenSource(Short);

        Assert.False(await signal.WaitAsync(Short, CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signal.WaitAsync(Timeout.InfiniteTimeSpan, cancel.Token));
    }
}
