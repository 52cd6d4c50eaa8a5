namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Retries, in place, a write whose moment matters (what became of a message that already went out, an item to put
/// back): the usual failure is the database restarting for a second, and leaving the write to a lease or a later
/// pass would hold the citizen up or repeat what they already got. Pauses double from <c>first</c> up to
/// <c>max</c>; after <c>retries</c> the failure goes through.
/// </summary>
public static class StoreWriteRetry
{
    public static async Task RunAsync(
        Func<Task> write, int retries, TimeSpan first, TimeSpan max, Action<Exception> onRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && attempt < retries)
            {
                onRetry(ex);
                await Task.Delay(TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Min(attempt, 16), max.Ticks)), cancellationToken);
            }
        }
    }
}
