using System.Text.Json;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Cases;

/// <summary>Turns <c>POST /cases/{code}/{action}</c> into a <see cref="CaseCommand"/> (CONTRACT.md "Actions and bodies").</summary>
public static class StaffCommands
{
    public static readonly IReadOnlyDictionary<string, CaseAction> Actions = new Dictionary<string, CaseAction>(StringComparer.OrdinalIgnoreCase)
    {
        ["accept"] = CaseAction.Accept,
        ["answer-directly"] = CaseAction.AnswerDirectly,
        ["request-info"] = CaseAction.RequestInfo,
        ["reject"] = CaseAction.Reject,
        ["close"] = CaseAction.Close,
        ["transfer"] = CaseAction.Transfer,
        ["assign"] = CaseAction.Assign,
        ["coordinate"] = CaseAction.Coordinate,
        ["coordination-reply"] = CaseAction.CoordinationReply,
        ["explain-delay"] = CaseAction.ExplainDelay,
        ["resolve"] = CaseAction.Resolve,
        ["publish"] = CaseAction.Publish,
        ["cancel-answer"] = CaseAction.CancelAnswer,
        ["rebuttal-answer"] = CaseAction.RebuttalAnswer,
        ["supplement"] = CaseAction.Supplement,
    };

    /// <summary>The command, or the field errors of a body that cannot make one (missing text is the state machine's to refuse).</summary>
    public static (CaseCommand? Command, Dictionary<string, string[]>? Errors) Read(CaseAction action, ActionRequest? body)
    {
        var b = body ?? new ActionRequest(null, null, null, null, null, null, null, null, null);
        switch (action)
        {
            case CaseAction.Close:
                if (WireNames.Parse<CloseKind>(b.Kind, JsonNamingPolicy.CamelCase) is not { } kind)
                {
                    return (null, new() { ["kind"] = ["kind must be one of thanks, obsolete, withdrawn."] });
                }

                return (new CloseCommand(kind, b.Note), null);
            case CaseAction.Coordinate:
                return (new CoordinateCommand([.. (b.AgencyCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(Directory.ReferenceCodes.Agency)], b.Request ?? string.Empty), null);
            default:
                return (Simple(action, b), null);
        }
    }

    private static CaseCommand Simple(CaseAction action, ActionRequest b) => action switch
    {
        CaseAction.Accept => new AcceptCommand(Directory.ReferenceCodes.AgencyOrNull(b.AgencyCode), b.Note),
        CaseAction.AnswerDirectly => new AnswerDirectlyCommand(b.Answer ?? string.Empty),
        CaseAction.RequestInfo => new RequestInfoCommand(b.Message ?? string.Empty),
        CaseAction.Reject => new RejectCommand(b.Reason ?? string.Empty),
        CaseAction.Transfer => new TransferCommand(Directory.ReferenceCodes.AgencyOrNull(b.AgencyCode), b.Reason ?? string.Empty),
        CaseAction.Assign => new AssignCommand(Directory.ReferenceCodes.AgencyOrNull(b.AgencyCode) ?? string.Empty),
        CaseAction.CoordinationReply => new CoordinationReplyCommand(b.Opinion ?? string.Empty),
        CaseAction.ExplainDelay => new ExplainDelayCommand(b.Reason ?? string.Empty),
        CaseAction.Resolve => new ResolveCommand(b.Answer ?? string.Empty),
        CaseAction.Publish => new PublishCommand(),
        CaseAction.CancelAnswer => new CancelAnswerCommand(b.Reason ?? string.Empty),
        CaseAction.RebuttalAnswer => new RebuttalAnswerCommand(b.Answer ?? string.Empty),
        CaseAction.Supplement => new SupplementCommand(b.Text ?? string.Empty, []),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a staff action."),
    };
}
