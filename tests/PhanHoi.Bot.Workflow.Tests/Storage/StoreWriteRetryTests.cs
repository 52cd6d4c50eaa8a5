using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>A write retried in place while the database blinks, and given up on when it does not come back.</summary>
public sealed class StoreWriteRetryTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_write_that_fails_for_a_moment_is_done_once_it_succeeds()
    {
        var calls = 0;
        var retried = new List<string>();

        await StoreWriteRetry.RunAsync(
            () => ++calls < 3 ? throw new IOException("restarting") : Task.CompletedTask, 5, Tick, Tick, ex => retried.Add(ex.Message), CancellationToken.None);

        Assert.Equal(3, calls);
        Assert.Equal(["restarting", "restarting"], retried);
    }

    [Fact]
    public async Task After_its_retries_the_failure_goes_through()
    {
        var calls = 0;

        await Assert.ThrowsAsync<IOException>(() => StoreWriteRetry.RunAsync(
            () => { calls++; throw new IOException("down"); }, 2, Tick, Tick, _ => { }, CancellationToken.None));

        Assert.Equal(3, calls);
    }
}
