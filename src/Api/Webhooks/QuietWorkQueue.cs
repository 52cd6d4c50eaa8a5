using System.Collections.Concurrent;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// A queue whose idle consumers block at once instead of spinning. <see cref="BlockingCollection{T}"/> waits on a
/// <see cref="SemaphoreSlim"/>, which spins and yields the processor (≈ 140 <c>sched_yield</c> calls) before every
/// wait: on two cores the turn threads spent those yields where the webhook acknowledgements, Redis and PostgreSQL
/// needed the processor. Producers only take the lock when a consumer sleeps.
/// </summary>
public sealed class QuietWorkQueue<T>
{
    private readonly ConcurrentQueue<T> items = new();
    private readonly object gate = new(); // a monitor: Wait and Pulse
    private int sleepers;
    private bool completed;

    public void Add(T item)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref completed), this);
        items.Enqueue(item);
        // A full fence between the enqueue and the read of sleepers (the consumer fences between its increment and
        // its last look at the queue): either the consumer sees the item or this sees the consumer asleep.
        if (Interlocked.CompareExchange(ref sleepers, 0, 0) != 0)
        {
            lock (gate)
            {
                Monitor.Pulse(gate);
            }
        }
    }

    /// <summary>Waits for an item; false once <see cref="CompleteAdding"/> was called and the queue is empty.</summary>
    public bool TryTake(out T item)
    {
        if (items.TryDequeue(out item!))
        {
            return true;
        }

        lock (gate)
        {
            Interlocked.Increment(ref sleepers);
            try
            {
                while (!items.TryDequeue(out item!))
                {
                    if (completed)
                    {
                        return false;
                    }

                    Monitor.Wait(gate);
                }

                return true;
            }
            finally
            {
                Interlocked.Decrement(ref sleepers);
            }
        }
    }

    /// <summary>No more items: consumers take what is left, then <see cref="TryTake"/> answers false.</summary>
    public void CompleteAdding()
    {
        lock (gate)
        {
            completed = true;
            Monitor.PulseAll(gate);
        }
    }

    public T[] ToArray() => items.ToArray();
}
