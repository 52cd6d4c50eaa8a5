using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>Section <c>Inbox</c>: how the worker drains the durable webhook inbox.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Longest wait between looks at the inbox when no webhook signalled new work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most items claimed in one round trip to the store.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// The most items this instance handles at once (never two of one conversation). 128: with fewer, turns waiting on
    /// PostgreSQL, Redis and the platform left the cores idle at 200 citizens; more makes the acknowledgements wait
    /// (bench/README, twelfth and fourteenth rounds).
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 128;

    /// <summary>
    /// Threads dedicated to running inbox turns at a lower priority than the thread pool (unset: two per core; 0: turns
    /// run on the pool). Under load this keeps webhook acknowledgements, and recording that the platform accepted a
    /// reply, from queueing behind other citizens' dialog work.
    /// </summary>
    [Range(0, 256)]
    public int? TurnThreads { get; set; }

    /// <summary>
    /// The nice value (0–19) of the turn threads on Linux: how far below the pool they run. 5 rather than 10: at 10 the
    /// turns were preempted so often that their context switches cost throughput; at 5 the ack p99 stayed under 10 ms
    /// in the fourteenth round's runs, with less margin (bench/README).
    /// </summary>
    [Range(0, 19)]
    public int TurnNice { get; set; } = 5;

    /// <summary><see cref="TurnThreads"/> as configured, or two per core.</summary>
    public int EffectiveTurnThreads => TurnThreads ?? 2 * Environment.ProcessorCount;

    /// <summary>An item claimed by an instance that died becomes due again after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where the inbox lives: <see cref="InboxStoreKind.Database"/> (the case store) or <see cref="InboxStoreKind.Redis"/>
    /// (<c>ConnectionStrings:Redis</c>; durable only with AOF persistence, README).
    /// </summary>
    public InboxStoreKind Store { get; set; } = InboxStoreKind.Database;

    /// <summary>
    /// How long after completion a platform's re-delivery of an event is still recognised. The database inbox then deletes
    /// the event's row (<see cref="InboxRetention"/>); the Redis inbox lets its key expire.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan SeenRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The earlier name of <see cref="SeenRetention"/> for the Redis inbox, still honoured when set.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan? RedisSeenRetention { get; set; }

    public TimeSpan EffectiveRedisSeenRetention => RedisSeenRetention ?? SeenRetention;

    /// <summary>How often <see cref="InboxRetention"/> looks for events to forget (the database inbox only).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
