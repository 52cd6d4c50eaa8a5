using System.Collections.Concurrent;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Tests.Outbox;

/// <summary>An <see cref="IChatWindowStore"/> that remembers what it was asked, and queues <see cref="Queued"/> per round.</summary>
public sealed class RecordingChatWindows : IChatWindowStore
{
    public sealed record Round(string Channel, DateTimeOffset WroteAfter, DateTimeOffset WroteBy, TimeSpan Window, DateTimeOffset Now, int Max);

    public ConcurrentQueue<(CitizenAddress[] Citizens, DateTimeOffset At)> Recorded { get; } = new();

    public ConcurrentQueue<Round> Rounds { get; } = new();

    public ConcurrentQueue<(string Channel, DateTimeOffset Before)> Forgotten { get; } = new();

    public int Queued { get; set; }

    public Task<int> ForgetBeforeAsync(string channel, DateTimeOffset before, CancellationToken cancellationToken)
    {
        Forgotten.Enqueue((channel, before));
        return Task.FromResult(0);
    }

    public Task RecordInteractionsAsync(IReadOnlyCollection<CitizenAddress> citizens, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Recorded.Enqueue(([.. citizens], at));
        return Task.CompletedTask;
    }

    public Task<int> QueueRemindersAsync(
        string channel, DateTimeOffset wroteAfter, DateTimeOffset wroteBy, TimeSpan window, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        Rounds.Enqueue(new Round(channel, wroteAfter, wroteBy, window, now, max));
        return Task.FromResult(Queued);
    }
}
