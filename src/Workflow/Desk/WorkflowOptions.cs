using System.ComponentModel.DataAnnotations;

namespace PhanHoi.Bot.Workflow.Desk;

/// <summary>Section <c>Workflow</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>The province's reception unit (Trung tâm Phục vụ hành chính công tỉnh): receives every chat PAKN.</summary>
    [Required]
    public string ReceptionAgency { get; set; } = "TTPVHCC";

    /// <summary>How many times an action is re-applied when another writer changed the case meanwhile (no If-Match).</summary>
    [Range(0, 10)]
    public int ConcurrencyRetries { get; set; } = 3;
}
