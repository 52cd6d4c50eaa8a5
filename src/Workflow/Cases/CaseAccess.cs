namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Who may see a case (SPEC §5): supervisors and administrators all; other staff what their agency received,
/// handles or was asked to coordinate; a citizen their own cases; the system everything. Personal data only to staff
/// whose agency holds the case: the one that received it or handles it.
/// </summary>
public static class CaseAccess
{
    public static bool CanSee(Case current, Actor actor) => actor.Kind switch
    {
        ActorKind.System => true,
        ActorKind.Citizen => current.CitizenAddress is { } address && address.ToString() == actor.Id,
        _ => actor.Has(StaffRole.Supervisor) || actor.Has(StaffRole.Admin) || InvolvesAgency(current, actor.AgencyCode),
    };

    public static bool CanSeePersonalData(Case current, Actor actor) => actor.Kind switch
    {
        ActorKind.System => true,
        ActorKind.Citizen => CanSee(current, actor),
        _ => Same(current.ReceivingAgency, actor.AgencyCode) || Same(current.HandlingAgency, actor.AgencyCode),
    };

    /// <summary>The agency received the case, handles it, or was asked for its opinion.</summary>
    public static bool InvolvesAgency(Case current, string? agencyCode) =>
        agencyCode is not null
        && (Same(current.ReceivingAgency, agencyCode)
            || Same(current.HandlingAgency, agencyCode)
            || current.Coordination.Any(c => Same(c.AgencyCode, agencyCode)));

    internal static bool Same(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
