using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Citizens;

public enum CitizenStatus
{
    Active,
    Locked,
    Blocked,
}

/// <summary>Abuse control (SPEC §5): administrators lock a chat account for a period or block it.</summary>
public sealed record CitizenAccount(CitizenAddress Address, CitizenStatus Status, DateTimeOffset? LockedUntil, string? Reason)
{
    public bool IsBarred(DateTimeOffset now) =>
        Status == CitizenStatus.Blocked || (Status == CitizenStatus.Locked && LockedUntil > now);
}

public interface ICitizenAccountRepository
{
    Task<CitizenAccount?> FindAsync(CitizenAddress address, CancellationToken cancellationToken);

    /// <summary>The accounts blocked, or locked beyond <paramref name="now"/>.</summary>
    Task<IReadOnlyList<CitizenAccount>> ListBarredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task SaveAsync(CitizenAccount account, CancellationToken cancellationToken);
}

/// <summary>What the turn pipeline asks of every citizen message: is this account barred right now?</summary>
public interface ICitizenBarList
{
    ValueTask<CitizenAccount?> FindBarredAsync(CitizenAddress address, CancellationToken cancellationToken);
}
