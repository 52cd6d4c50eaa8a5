using System.Collections.Concurrent;

namespace PhanHoi.Bot.Turns.Ordering;

/// <summary>
/// One semaphore per conversation, removed when nobody holds or waits for it, so memory follows the number of
/// active conversations rather than every conversation ever seen.
/// </summary>
public sealed class InProcessConversationLock(TimeSpan waitTimeout) : IConversationLock
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public InProcessConversationLock()
        : this(TimeSpan.FromSeconds(60))
    {
    }

    internal int ActiveKeys => _gates.Count;

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var gate = Enter(key);
        bool acquired;
        try
        {
            acquired = await gate.Semaphore.WaitAsync(waitTimeout, cancellationToken);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }

        if (!acquired)
        {
            Leave(key, gate);
            throw new ConversationLockTimeoutException("The previous turn of this conversation is still running.");
        }

        return new Handle(this, key, gate);
    }

    private Gate Enter(string key)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(key, static _ => new Gate());
            lock (gate)
            {
                // A gate being removed has Users == -1; take a fresh one instead.
                if (gate.Users >= 0)
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    private void Leave(string key, Gate gate)
    {
        lock (gate)
        {
            gate.Users--;
            if (gate.Users > 0)
            {
                return;
            }

            gate.Users = -1;
        }

        _gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
        gate.Semaphore.Dispose();
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Handle(InProcessConversationLock owner, string key, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(key, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}
