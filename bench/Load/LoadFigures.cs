using System.Collections.Concurrent;
using System.Diagnostics;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>What a run measured.</summary>
public sealed class LoadFigures
{
    private readonly ConcurrentDictionary<string, int> completedByKind = new();
    private readonly ConcurrentQueue<(long At, double Ms)> timeline = new();
    private long completed;
    private long failed;
    private long expectedMessages;
    private long retried;

    public Percentiles Acks { get; } = new();

    /// <summary>From sending a turn's message until the driver read its last reply.</summary>
    public Percentiles Turns { get; } = new();

    /// <summary>From sending a turn's message until its last reply reached the fake platform (the rest is the driver).</summary>
    public Percentiles ToPlatform { get; } = new();

    /// <summary>Turn latencies by dialog kind and step: which turns make the tail.</summary>
    public ConcurrentDictionary<(string Kind, int Step), Percentiles> TurnsByStep { get; } = new();

    public long CompletedCount => Interlocked.Read(ref completed);

    public long FailedCount => Interlocked.Read(ref failed);

    /// <summary>Messages the completed dialogs should have produced (turn replies and the filing notice).</summary>
    public long ExpectedMessages => Interlocked.Read(ref expectedMessages);

    public IReadOnlyDictionary<string, int> ByKind => completedByKind;

    /// <summary>Deliveries the service refused or did not acknowledge, tried again.</summary>
    public long RetriedCount => Interlocked.Read(ref retried);

    /// <summary>Each answered turn: when it was answered (a <see cref="Stopwatch"/> timestamp) and its latency.</summary>
    public IEnumerable<(long At, double Ms)> Timeline => timeline;

    public void Turned(string kind, int step, TimeSpan latency, TimeSpan toPlatform)
    {
        timeline.Enqueue((Stopwatch.GetTimestamp(), latency.TotalMilliseconds));
        Turns.Add(latency);
        ToPlatform.Add(toPlatform);
        TurnsByStep.GetOrAdd((kind, step), _ => new Percentiles()).Add(latency);
    }

    public void Retried() => Interlocked.Increment(ref retried);

    public void Completed(string kind, int messages)
    {
        Interlocked.Increment(ref completed);
        Interlocked.Add(ref expectedMessages, messages);
        completedByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>Turns answered at or after <paramref name="timestamp"/>.</summary>
    public int TurnsSince(long timestamp) => timeline.Count(turn => turn.At >= timestamp);

    public void Failed(string user, int turn, string text)
    {
        if (Interlocked.Increment(ref failed) <= 5)
        {
            Console.Error.WriteLine($"no reply for {user} turn {turn} (\"{text}\")");
        }
    }
}
