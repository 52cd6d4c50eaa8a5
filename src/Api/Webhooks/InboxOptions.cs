using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>Section <c>Inbox</c>: how the worker drains the durable webhook inbox.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Longest wait between looks at the inbox when no webhook signalled new work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 256)]
    public int BatchSize { get; set; } = 16;

    /// <summary>An item claimed by an instance that died becomes due again after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
