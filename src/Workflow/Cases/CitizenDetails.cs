namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>The sender's personal data (SPEC §2). Secret: encrypted at rest, never logged, never public.</summary>
public sealed record CitizenDetails(string Name, string Phone, string? TaxCode = null, ProxyDetails? Proxy = null)
{
    /// <summary>Keeps personal data out of logs and exception messages if the record is ever formatted.</summary>
    public override string ToString() => "CitizenDetails { *** }";
}

/// <summary>The person on whose behalf the PAKN is sent (Art. 7.7): consent must be an explicit yes.</summary>
public sealed record ProxyDetails(string Name, string Address, string Phone, string Reason, bool Consent)
{
    public override string ToString() => "ProxyDetails { *** }";
}
