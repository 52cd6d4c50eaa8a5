using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// What the fake platform received, per conversation, in arrival order: a channel the waiting citizen reads and, when
/// <paramref name="keepsLog"/> (fault runs), a log kept for the exactly-once, in-order check after the run. A load run
/// keeps nothing of a finished dialog and counts messages instead: with every message kept the driver held ~75 MB, and
/// its own collections paused it for up to 90 ms, which the run counted as the service's turn latency.
/// </summary>
public sealed class ReplyInbox(bool keepsLog)
{
    private readonly ConcurrentDictionary<string, Conversation> byConversation = new();

    private long received;

    public long Received => Interlocked.Read(ref received);

    public Channel<PlatformReply> For(string conversation) => Get(conversation).Replies;

    /// <summary>Every message delivered to <paramref name="conversation"/> so far, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Log(string conversation)
    {
        var entry = Get(conversation);
        lock (entry.Log)
        {
            return [.. entry.Log.Select(json => JsonNode.Parse(json)!.AsObject())];
        }
    }

    /// <summary>Forgets a conversation (the memory run holds ten thousand and needs none of their replies).</summary>
    public void Forget(string conversation) => byConversation.TryRemove(conversation, out _);

    /// <summary>The citizen's dialog ended: without a log, its conversation is forgotten (later messages are only counted).</summary>
    public void Finished(string conversation)
    {
        if (!keepsLog)
        {
            Forget(conversation);
        }
    }

    /// <summary>Hands <paramref name="message"/> (what the citizen sees) to the conversation.</summary>
    public void Deliver(string conversation, JsonObject message)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref received);
        if (!keepsLog)
        {
            if (byConversation.TryGetValue(conversation, out var waiting))
            {
                waiting.Replies.Writer.TryWrite(new PlatformReply(message, arrived));
            }

            return;
        }

        var entry = Get(conversation);
        lock (entry.Log)
        {
            entry.Log.Add(message.ToJsonString());
        }

        entry.Replies.Writer.TryWrite(new PlatformReply(message, arrived));
    }

    private Conversation Get(string conversation) => byConversation.GetOrAdd(conversation, _ => new Conversation());

    private sealed class Conversation
    {
        public Channel<PlatformReply> Replies { get; } = Channel.CreateUnbounded<PlatformReply>(new UnboundedChannelOptions { SingleReader = true });

        public List<string> Log { get; } = [];
    }
}
