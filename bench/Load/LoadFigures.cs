using System.Collections.Concurrent;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>What a run measured.</summary>
public sealed class LoadFigures
{
    private readonly ConcurrentDictionary<string, int> completedByKind = new();
    private long completed;
    private long failed;
    private long expectedMessages;
    private long retried;

    public Percentiles Acks { get; } = new();

    public Percentiles Turns { get; } = new();

    public long CompletedCount => Interlocked.Read(ref completed);

    public long FailedCount => Interlocked.Read(ref failed);

    /// <summary>Messages the completed dialogs should have produced (turn replies and the filing notice).</summary>
    public long ExpectedMessages => Interlocked.Read(ref expectedMessages);

    public IReadOnlyDictionary<string, int> ByKind => completedByKind;

    /// <summary>Deliveries the service refused or did not acknowledge, tried again.</summary>
    public long RetriedCount => Interlocked.Read(ref retried);

    public void Retried() => Interlocked.Increment(ref retried);

    public void Completed(string kind, int messages)
    {
        Interlocked.Increment(ref completed);
        Interlocked.Add(ref expectedMessages, messages);
        completedByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public void Failed(string user, int turn, string text)
    {
        if (Interlocked.Increment(ref failed) <= 5)
        {
            Console.Error.WriteLine($"no reply for {user} turn {turn} (\"{text}\")");
        }
    }
}
