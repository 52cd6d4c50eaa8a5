namespace PhanHoi.Bot.Turns.Ordering;

/// <summary>
/// Serialises turns of one conversation, so two messages of one citizen never run at once (even on two
/// instances). Dispose the returned handle to release.
/// </summary>
public interface IConversationLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The previous turn of the conversation did not finish in time.</summary>
public sealed class ConversationLockTimeoutException(string message) : TimeoutException(message);
