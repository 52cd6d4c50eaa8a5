using System.Globalization;
using PhanHoi.Bot.Api.Webhooks;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

public sealed class TurnSchedulerTests
{
    [Fact]
    public async Task A_turn_and_its_awaits_run_on_the_turn_threads()
    {
        using var scheduler = new TurnScheduler(2, nice: 0);
        var threads = new List<string?>();

        await scheduler.Run(async () =>
        {
            threads.Add(Thread.CurrentThread.Name);
            await Task.Delay(10);
            threads.Add(Thread.CurrentThread.Name);
            await Task.Yield();
            threads.Add(Thread.CurrentThread.Name);
        });

        Assert.All(threads, name => Assert.StartsWith("turn-", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_turns_compute_at_once_than_there_are_threads()
    {
        using var scheduler = new TurnScheduler(2, nice: 0);
        var now = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scheduler.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var current = Interlocked.Increment(ref now);
                InterlockedMax(ref most, current);
                Thread.Sleep(5); // computing, holding the thread
                Interlocked.Decrement(ref now);
                await Task.Yield();
            }
        })));

        Assert.Equal(2, most);
    }

    [Fact]
    public async Task A_continuation_after_ConfigureAwait_false_leaves_the_turn_threads()
    {
        using var scheduler = new TurnScheduler(1, nice: 0);
        string? after = "unset";

        await scheduler.Run(async () =>
        {
            await Task.Delay(10).ConfigureAwait(false);
            after = Thread.CurrentThread.Name;
        });

        Assert.False(after?.StartsWith("turn-", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public async Task The_turn_threads_run_at_the_configured_nice_value()
    {
        using var scheduler = new TurnScheduler(1, nice: 7);
        var nice = -1;

        await scheduler.Run(() =>
        {
            // /proc/thread-self/stat: field 19 is the nice value (fields counted after the command name's closing parenthesis)
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            nice = int.Parse(fields[16], CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        Assert.Equal(7, nice);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
