using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot;

/// <summary>The <c>Bot</c> configuration section. Every value has a default that suits one small instance.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Folder holding the dialog YAML files; relative paths resolve against the app's base directory.</summary>
    [Required]
    public string DialogsPath { get; set; } = "dialogs";

    /// <summary>How long conversation and user state is kept in the store after the last turn.</summary>
    public TimeSpan StateTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A dialog left this long is dropped and the citizen starts again with a note.</summary>
    public TimeSpan DialogExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Redis key prefix, so several deployments or test runs can share one server.</summary>
    public string RedisKeyPrefix { get; set; } = "phanhoi:";

    public ConversationLockOptions Lock { get; set; } = new();

    public DuplicateGuardOptions Dedupe { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class ConversationLockOptions
{
    /// <summary>A lock held longer than this by a crashed instance frees itself (Redis only).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for the previous turn of the same conversation.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class DuplicateGuardOptions
{
    /// <summary>Platforms re-deliver within minutes; a day is comfortably longer.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>In-process only: the most ids remembered, oldest forgotten first.</summary>
    [Range(1, int.MaxValue)]
    public int Capacity { get; set; } = 100_000;
}

public sealed class RateLimitOptions
{
    /// <summary>Messages a citizen may send per <see cref="Window"/>: a quick intake with retries and a few photos fits.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 40;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
