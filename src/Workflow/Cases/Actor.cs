using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

public enum ActorKind
{
    Staff,
    Citizen,
    System,
}

/// <summary>Who performs an action. Staff carry roles and one agency; citizens carry their chat address.</summary>
public sealed record Actor(ActorKind Kind, string Id, ImmutableHashSet<StaffRole> Roles, string? AgencyCode)
{
    public static Actor System { get; } = new(ActorKind.System, "system", [], null);

    public static Actor Citizen(CitizenAddress address) => new(ActorKind.Citizen, address.ToString(), [], null);

    public static Actor Staff(string userId, string? agencyCode, params StaffRole[] roles) =>
        new(ActorKind.Staff, userId, [.. roles], agencyCode);

    public bool Has(StaffRole role) => Kind == ActorKind.Staff && Roles.Contains(role);
}
