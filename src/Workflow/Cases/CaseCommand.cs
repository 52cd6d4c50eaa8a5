using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>An action with its input (CONTRACT.md "Actions and bodies"), given to <see cref="CaseWorkflow"/>.</summary>
public abstract record CaseCommand(CaseAction Action);

public sealed record AcceptCommand(string? AgencyCode, string? Note) : CaseCommand(CaseAction.Accept);
public sealed record AnswerDirectlyCommand(string Answer) : CaseCommand(CaseAction.AnswerDirectly);
public sealed record RequestInfoCommand(string Message) : CaseCommand(CaseAction.RequestInfo);
public sealed record RejectCommand(string Reason) : CaseCommand(CaseAction.Reject);
public sealed record CloseCommand(CloseKind Kind, string? Note) : CaseCommand(CaseAction.Close);
public sealed record TransferCommand(string? AgencyCode, string Reason) : CaseCommand(CaseAction.Transfer);
public sealed record AssignCommand(string AgencyCode) : CaseCommand(CaseAction.Assign);
public sealed record CoordinateCommand(ImmutableArray<string> AgencyCodes, string Request) : CaseCommand(CaseAction.Coordinate);
public sealed record CoordinationReplyCommand(string Opinion) : CaseCommand(CaseAction.CoordinationReply);
public sealed record ExplainDelayCommand(string Reason) : CaseCommand(CaseAction.ExplainDelay);
public sealed record ResolveCommand(string Answer) : CaseCommand(CaseAction.Resolve);
public sealed record PublishCommand() : CaseCommand(CaseAction.Publish);
public sealed record CancelAnswerCommand(string Reason) : CaseCommand(CaseAction.CancelAnswer);
public sealed record RebuttalAnswerCommand(string Answer) : CaseCommand(CaseAction.RebuttalAnswer);

public sealed record SupplementCommand(string Text, ImmutableArray<Attachment> Attachments) : CaseCommand(CaseAction.Supplement);
public sealed record WithdrawCommand() : CaseCommand(CaseAction.Withdraw);
public sealed record RebutCommand(string Text) : CaseCommand(CaseAction.Rebut);
public sealed record RateCommand(int Score) : CaseCommand(CaseAction.Rate);

public sealed record CompleteCommand() : CaseCommand(CaseAction.Complete);
public sealed record RemindOverdueCommand() : CaseCommand(CaseAction.RemindOverdue);
public sealed record RecomputeDeadlinesCommand() : CaseCommand(CaseAction.RecomputeDeadlines);
