using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// What the fake platform received, per conversation, in arrival order: a channel the waiting citizen reads and a log
/// kept for the exactly-once, in-order check after the run.
/// </summary>
public sealed class ReplyInbox
{
    private readonly ConcurrentDictionary<string, Conversation> byConversation = new();

    private long received;

    public long Received => Interlocked.Read(ref received);

    public Channel<JsonObject> For(string conversation) => Get(conversation).Replies;

    /// <summary>Every message delivered to <paramref name="conversation"/> so far, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Log(string conversation)
    {
        var entry = Get(conversation);
        lock (entry.Log)
        {
            return [.. entry.Log];
        }
    }

    /// <summary>Forgets a conversation (the memory run holds ten thousand and needs none of their replies).</summary>
    public void Forget(string conversation) => byConversation.TryRemove(conversation, out _);

    public void Deliver(string conversation, JsonObject activity)
    {
        Interlocked.Increment(ref received);
        var entry = Get(conversation);
        lock (entry.Log)
        {
            entry.Log.Add(activity);
        }

        entry.Replies.Writer.TryWrite(activity);
    }

    private Conversation Get(string conversation) => byConversation.GetOrAdd(conversation, _ => new Conversation());

    private sealed class Conversation
    {
        public Channel<JsonObject> Replies { get; } = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

        public List<JsonObject> Log { get; } = [];
    }
}
