namespace PhanHoi.Bot.State;

/// <summary>What we remember about a citizen across conversations. No personal data: cases hold that.</summary>
public sealed class UserData
{
    /// <summary>The case the citizen was asked to supplement: their next messages belong to it (SPEC §4).</summary>
    public string? SupplementCaseCode { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }
}
