using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Directory;

/// <summary>
/// A staff account. <see cref="PasswordHash"/> comes from a real password hasher, never a plain text. A disabled
/// account (<see cref="DisabledAt"/>) cannot log in, and its tokens are refused.
/// </summary>
public sealed record StaffUser(
    Guid Id,
    string Username,
    string DisplayName,
    string PasswordHash,
    ImmutableHashSet<StaffRole> Roles,
    string AgencyCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt = null)
{
    public bool IsActive => DisabledAt is null;

    public Actor ToActor() => new(ActorKind.Staff, Id.ToString(), Roles, AgencyCode);
}

public interface IStaffUserRepository
{
    Task<StaffUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<StaffUser?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>False when the username is taken.</summary>
    Task<bool> AddAsync(StaffUser user, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every account, by username.</summary>
    Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Disables the account from <paramref name="at"/>, or enables it again with null; false when there is no such account.</summary>
    Task<bool> SetDisabledAsync(Guid id, DateTimeOffset? at, CancellationToken cancellationToken);
}
