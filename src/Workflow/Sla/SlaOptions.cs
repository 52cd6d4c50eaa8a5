using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>Section <c>Sla</c>.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 10000)]
    public int BatchSize { get; set; } = 200;
}
