using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

/// <summary>
/// The inbox worker's dispatch: items run continuously, several conversations at once, but one conversation's items
/// one at a time and in order (a citizen is answered in the order they wrote).
/// </summary>
public sealed class InboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Received = DateTimeOffset.UtcNow.AddMinutes(-1);
    private readonly MemoryInbox inbox = new();
    private readonly InboxSignal signal = new();

    public void Dispose() => signal.Dispose();

    [Fact]
    public async Task A_slow_turn_does_not_hold_back_other_conversations()
    {
        await AppendAsync("slow", 1);
        await AppendAsync("quick", 5);
        var slowGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var quickDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var quickHandled = 0;

        await RunUntilAsync(Settings(maxConcurrency: 4), async item =>
        {
            if (item.ConversationKey == "slow")
            {
                await slowGate.Task;
            }

            await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            if (item.ConversationKey == "quick" && Interlocked.Increment(ref quickHandled) == 5)
            {
                quickDone.SetResult();
            }
        }, async () =>
        {
            // Every one of the quick conversation's items is handled while the slow turn is still running.
            await quickDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
            slowGate.SetResult();
            while (await inbox.CountPendingAsync(CancellationToken.None) > 0)
            {
                await Task.Delay(10);
            }
        });

        Assert.Equal(5, quickHandled);
        Assert.Equal(0, await inbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task One_conversations_items_never_overlap_and_run_in_order_while_conversations_run_in_parallel()
    {
        const int conversations = 20;
        const int perConversation = 5;
        for (var c = 0; c < conversations; c++)
        {
            await AppendAsync($"c{c}", perConversation);
        }

        var active = new ConcurrentDictionary<string, int>();
        var order = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var handled = new ConcurrentDictionary<long, int>();
        var overlaps = 0;
        var running = 0;
        var mostRunning = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await RunUntilAsync(Settings(maxConcurrency: 8, batchSize: 3), async item =>
        {
            if (active.AddOrUpdate(item.ConversationKey, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostRunning, now);
            order.GetOrAdd(item.ConversationKey, _ => new ConcurrentQueue<string>()).Enqueue(item.Payload);

            // As a turn does: the item is completed in the store first (its conversation's next item is due from
            // then on), and the work goes on a little after (releasing held notices).
            await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            await Task.Delay(Random.Shared.Next(2, 15));

            Interlocked.Decrement(ref running);
            active.AddOrUpdate(item.ConversationKey, 0, (_, n) => n - 1);
            handled.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
            if (handled.Count == conversations * perConversation)
            {
                all.TrySetResult();
            }
        }, () => all.Task.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(0, overlaps);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.All(order.Values, turns => Assert.Equal(Enumerable.Range(0, perConversation).Select(i => $"turn {i}"), turns));
        Assert.InRange(mostRunning, 2, 8);
    }

    [Fact]
    public async Task An_item_handed_out_again_while_still_running_here_is_not_started_twice()
    {
        await AppendAsync("long", 1);
        var runs = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await RunUntilAsync(Settings(maxConcurrency: 4, lease: TimeSpan.FromMilliseconds(50)), async item =>
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(TimeSpan.FromMilliseconds(600)); // far longer than the lease: the store hands it out again
            await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            done.SetResult();
        }, () => done.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(inbox.Claims.Single().Value > 1, "the lease should have ended while the item ran");
        Assert.Equal(1, runs);
    }

    private static InboxOptions Settings(int maxConcurrency, int batchSize = 16, TimeSpan? lease = null) => new()
    {
        MaxConcurrency = maxConcurrency,
        BatchSize = batchSize,
        PollInterval = TimeSpan.FromMilliseconds(50),
        Lease = lease ?? TimeSpan.FromMinutes(2),
    };

    private async Task AppendAsync(string conversation, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await inbox.AppendAsync("zalo", $"{conversation}-{i}", conversation, $"turn {i}", Received, CancellationToken.None);
        }
    }

    /// <summary>Runs the dispatcher over the memory inbox until <paramref name="until"/> completes, then stops it.</summary>
    private async Task RunUntilAsync(InboxOptions settings, Func<InboxItem, Task> handle, Func<Task> until)
    {
        using var stop = new CancellationTokenSource();
        var dispatcher = new InboxDispatcher(inbox, signal, TimeProvider.System, settings, NullLogger.Instance);
        var running = dispatcher.RunAsync((item, _) => handle(item), stop.Token);
        try
        {
            await until();
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
