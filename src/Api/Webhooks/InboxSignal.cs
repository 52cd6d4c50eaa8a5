namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>Wakes the inbox worker as soon as a webhook stored something, instead of waiting for the next poll.</summary>
public sealed class InboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled: one wake-up is enough
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
