namespace PhanHoi.Bot.Intake;

/// <summary>A PAKN the workflow filed: its tracking code and the day reception must triage it by.</summary>
public sealed record FiledCase(string Code, DateOnly TriageBy);
