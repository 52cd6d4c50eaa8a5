using PhanHoi.Bot.Api.Webhooks;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

public sealed class QuietWorkQueueTests
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var queue = new QuietWorkQueue<int>();
        queue.Add(1);
        queue.Add(2);

        Assert.True(queue.TryTake(out var first));
        Assert.True(queue.TryTake(out var second));
        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_for_an_item_added_later()
    {
        var queue = new QuietWorkQueue<string>();
        var taken = Task.Factory.StartNew(
            () => queue.TryTake(out var item) ? item : null, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(50);
        Assert.False(taken.IsCompleted);

        queue.Add("turn");

        Assert.Equal("turn", await taken.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task After_CompleteAdding_consumers_drain_what_is_left_and_then_stop()
    {
        var queue = new QuietWorkQueue<int>();
        var waiting = Task.Factory.StartNew(
            () => queue.TryTake(out _), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(50);
        queue.CompleteAdding();
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        var draining = new QuietWorkQueue<int>();
        draining.Add(7);
        draining.CompleteAdding();
        Assert.True(draining.TryTake(out var left));
        Assert.Equal(7, left);
        Assert.False(draining.TryTake(out _));
        Assert.Throws<ObjectDisposedException>(() => draining.Add(8));
    }

    [Fact]
    public async Task Many_producers_and_sleeping_consumers_lose_and_repeat_nothing()
    {
        const int producers = 4, perProducer = 20_000, consumers = 3;
        var queue = new QuietWorkQueue<int>();
        var seen = new int[producers * perProducer];
        var consuming = Enumerable.Range(0, consumers).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (queue.TryTake(out var item))
                {
                    Interlocked.Increment(ref seen[item]);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                queue.Add(p * perProducer + i);
                if (i % 1_000 == 0)
                {
                    await Task.Delay(1); // let the consumers run dry and go to sleep now and then
                }
            }
        })));
        queue.CompleteAdding();
        await Task.WhenAll(consuming).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(seen, count => Assert.Equal(1, count));
    }
}
