namespace PhanHoi.Bot.Workflow.Signals;

/// <summary>
/// Wakes one waiting worker as soon as there is work, instead of letting it wait out its poll. Any number of notifications
/// before the worker wakes count as one, without throwing (a full semaphore's exception cost a stack trace per webhook).
/// </summary>
public class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0);
    private int pending;

    public void Notify()
    {
        if (Interlocked.Exchange(ref pending, 1) == 0)
        {
            signal.Release();
        }
    }

    /// <summary>
    /// True when notified, false after <paramref name="timeout"/>. The worker should look for work after either: a
    /// notification that arrives once it has woken wakes it again.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var woken = await signal.WaitAsync(timeout, cancellationToken);
        Volatile.Write(ref pending, 0);
        return woken;
    }

    public void Dispose()
    {
        signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
