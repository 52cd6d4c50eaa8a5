namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// How simulated citizens behave: how long they wait for a reply, whether a refused or unanswered delivery is retried
/// (as the platforms do), whether every message is delivered twice (once concurrently, once again after the next one,
/// out of order), and whether they stop part-way (the memory run).
/// </summary>
public sealed record RunnerSettings(
    TimeSpan ReplyTimeout,
    TimeSpan ThinkTime,
    bool RetryUntilAcked = false,
    bool DeliverTwice = false,
    string UserPrefix = "bench",
    Func<int, int>? StopAfterTurns = null);
