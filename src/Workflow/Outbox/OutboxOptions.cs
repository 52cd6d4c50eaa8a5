using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message is reserved for this instance before another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often to look for due messages when nobody signalled new ones.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(30);
}
