namespace PhanHoi.Bot.Bench.Load;

/// <summary>One simulated citizen: which dialog, how many of its messages were acknowledged and answered.</summary>
public sealed class CitizenRecord(string user, string kind)
{
    public string User { get; } = user;

    public string Kind { get; } = kind;

    /// <summary>Messages the service acknowledged (each counted once, however often it was delivered).</summary>
    public int Acked { get; set; }

    /// <summary>Messages whose replies reached the platform.</summary>
    public int Answered { get; set; }

    public bool Completed { get; set; }
}
