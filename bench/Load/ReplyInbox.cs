using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// What the fake platform received, per conversation, in arrival order; counts duplicates by activity text and
/// reply-to id so a reply sent twice is noticed.
/// </summary>
public sealed class ReplyInbox
{
    private readonly ConcurrentDictionary<string, Channel<JsonObject>> byConversation = new();

    private long received;

    public long Received => Interlocked.Read(ref received);

    public Channel<JsonObject> For(string conversation) =>
        byConversation.GetOrAdd(conversation, _ => Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true }));

    public void Deliver(string conversation, JsonObject activity)
    {
        Interlocked.Increment(ref received);
        For(conversation).Writer.TryWrite(activity);
    }
}
