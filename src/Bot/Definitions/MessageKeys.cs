namespace PhanHoi.Bot.Definitions;

/// <summary>Texts the code itself sends; the loader refuses to start when one is missing.</summary>
public static class MessageKeys
{
    public const string ErrorApology = "error.apology";
    public const string RateLimited = "abuse.rateLimited";
    public const string AccountLocked = "abuse.locked";
    public const string AccountBlocked = "abuse.blocked";
    public const string CancelDone = "global.cancelled";
    public const string CancelNothing = "global.nothingToCancel";
    public const string Help = "global.help";
    public const string Expired = "global.expired";
    public const string GiveUp = "prompt.giveUp";
    public const string Welcome = "global.welcome";
    public const string Yes = "prompt.yes";
    public const string No = "prompt.no";
    public const string Skip = "prompt.skip";
    public const string MovedOn = "prompt.movedOn";
    public const string EditKept = "prompt.editKept";
    public const string StillAsking = "prompt.stillAsking";

    /// <summary>A case state as the citizen reads it, e.g. <c>state.awaitingInfo</c>.</summary>
    public static string State(Workflow.Cases.CaseState state) => "state." + Camel(state.ToString());

    /// <summary>The notice template for a <see cref="Workflow.Cases.NoticeKind"/>, e.g. <c>notice.filed</c>.</summary>
    public static string Notice(Workflow.Cases.NoticeKind kind) =>
        "notice." + Camel(kind.ToString());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static IReadOnlyList<string> Required { get; } =
    [
        ErrorApology, RateLimited, AccountLocked, AccountBlocked, CancelDone, CancelNothing, Help, Expired, GiveUp, Welcome,
        Yes, No, Skip, MovedOn, EditKept, StillAsking,
        .. Enum.GetValues<Workflow.Cases.NoticeKind>().Select(Notice),
        .. Enum.GetValues<Workflow.Cases.CaseState>().Select(State),
    ];
}
