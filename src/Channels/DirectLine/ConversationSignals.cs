using System.Collections.Concurrent;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Wakes the WebSocket streams of a conversation when something is appended, so replies and notices go out at
/// once instead of at the next poll. In process: each instance wakes its own sockets.
/// </summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> of the conversation. Take it before reading.</summary>
    public Task NextChangeAsync(string conversationId) =>
        waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (waiting.TryRemove(conversationId, out var changed))
        {
            changed.TrySetResult();
        }
    }
}
