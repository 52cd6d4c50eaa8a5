namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>Wakes the dispatcher as soon as a change queued a notice, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // another writer signalled at the same moment: one wake-up is enough
            }
        }
    }

    public void Dispose() => signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
