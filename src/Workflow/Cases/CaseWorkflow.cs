using System.Collections.Immutable;
using System.Globalization;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// The case state machine (SPEC §3), a pure function of (case, command, actor, now): a <see cref="Transition"/>
/// (new case with its version + 1, the history line, the citizen's notices) or a <see cref="Refusal"/>.
/// Deadlines are counted in working days on <see cref="IWorkingCalendar"/> from the local date of the event.
/// </summary>
public sealed class CaseWorkflow(IWorkingCalendar calendar)
{
    private static readonly CaseAction[] Actions =
    [
        CaseAction.Accept, CaseAction.AnswerDirectly, CaseAction.RequestInfo, CaseAction.Reject, CaseAction.Close,
        CaseAction.Transfer, CaseAction.Assign, CaseAction.Coordinate, CaseAction.CoordinationReply, CaseAction.ExplainDelay,
        CaseAction.Resolve, CaseAction.Publish, CaseAction.CancelAnswer, CaseAction.RebuttalAnswer,
        CaseAction.Supplement, CaseAction.Withdraw, CaseAction.Rebut, CaseAction.Rate,
        CaseAction.Complete, CaseAction.RemindOverdue,
    ];

    /// <summary>
    /// A new PAKN becomes a <see cref="CaseState.Submitted"/> case at the receiving agency; triage is due in 2 working
    /// days. The citizen is sent the <see cref="NoticeKind.Filed"/> notice unless the bot's reply already told them.
    /// </summary>
    public TransitionResult Submit(NewCase input, Guid id, string code, string receivingAgency, Actor actor, DateTimeOffset now)
    {
        var errors = CommandValidation.Errors(input);
        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, "The PAKN is incomplete.", [], errors);
        }

        var today = LocalClock.LocalDate(now);
        var created = new Case
        {
            Id = id,
            Code = code,
            State = CaseState.Submitted,
            Channel = input.Channel,
            Category = input.Category.Trim(),
            ReceivingAgency = receivingAgency,
            Content = input.Content.Trim(),
            Confidential = input.Confidential,
            Attachments = input.Attachments.IsDefault ? [] : input.Attachments,
            Location = input.Location,
            Citizen = input.Citizen,
            CitizenAddress = input.CitizenAddress,
            SubmittedAt = now,
            TriageStartedAt = now,
            Deadlines = new Deadlines(TriageBy: calendar.AddWorkingDays(today, LegalTerms.TriageDays)),
            Version = 1,
        };
        var history = new HistoryEntry(id, now, ActorName(actor), CaseAction.Submit, null, CaseState.Submitted, $"channel: {input.Channel.ToString().ToLowerInvariant()}");
        return new Transition(created, history, input.ToldInReply ? [] : [Notice.Of(NoticeKind.Filed, code, ("deadline", Format(created.Deadlines.TriageBy)))]);
    }

    /// <summary>What <paramref name="actor"/> may do with the case now (the <c>allowedActions</c> of the case JSON).</summary>
    public ImmutableArray<CaseAction> AllowedActions(Case current, Actor actor, DateTimeOffset now)
    {
        var today = LocalClock.LocalDate(now);
        return [.. Actions.Where(a => ActionPolicy.AllowedInState(current, a, today) && ActionPolicy.Permits(current, a, actor))];
    }

    public TransitionResult Apply(Case current, CaseCommand command, Actor actor, DateTimeOffset now)
    {
        var today = LocalClock.LocalDate(now);
        if (!ActionPolicy.AllowedInState(current, command.Action, today))
        {
            return new Refusal(RefusalKind.State, StateRefusalReason.Of(current, command.Action), AllowedActions(current, actor, now));
        }

        if (!ActionPolicy.Permits(current, command.Action, actor))
        {
            return new Refusal(RefusalKind.Forbidden, $"'{WireNames.Of(command.Action)}' is not for this user on this case.", AllowedActions(current, actor, now));
        }

        var errors = CommandValidation.Errors(command);
        if (errors.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, "The action's input is missing or invalid.", AllowedActions(current, actor, now), errors);
        }

        var step = new Step(current, today, now);
        var outcome = command switch
        {
            AcceptCommand c => Accept(step, actor, c),
            AnswerDirectlyCommand c => AnswerDirectly(step, actor, c),
            RequestInfoCommand c => step.To(current with { State = CaseState.AwaitingInfo, InfoRequest = c.Message.Trim() }, c.Message,
                Notice.Of(NoticeKind.InfoRequested, current.Code, ("message", c.Message.Trim()))),
            RejectCommand c => step.To(current with { State = CaseState.Rejected, RejectReason = c.Reason.Trim(), FinishedAt = now }, c.Reason,
                Notice.Of(NoticeKind.Rejected, current.Code, ("reason", c.Reason.Trim()))),
            CloseCommand c => Close(step, c.Kind, c.Note),
            WithdrawCommand => Close(step, CloseKind.Withdrawn, null, withdrawnByCitizen: true),
            TransferCommand c => Transfer(step, c),
            AssignCommand c => Assign(step, c.AgencyCode.Trim(), null),
            CoordinateCommand c => Coordinate(step, c),
            CoordinationReplyCommand c => CoordinationReply(step, actor, c),
            ExplainDelayCommand c => step.To(current with { DelayReason = c.Reason.Trim() }, c.Reason,
                Notice.Of(NoticeKind.Delayed, current.Code, ("reason", c.Reason.Trim()), ("deadline", Format(current.Deadlines.ResolveBy)))),
            ResolveCommand c => step.To(
                current with
                {
                    State = CaseState.Resolved,
                    Answer = c.Answer.Trim(),
                    ResolvedAt = now,
                    Deadlines = current.Deadlines with { PublishBy = calendar.AddWorkingDays(today, LegalTerms.PublishDays) },
                },
                c.Answer),
            PublishCommand => Publish(step, current),
            CancelAnswerCommand c => CancelAnswer(step, c),
            RebuttalAnswerCommand c => step.To(
                current with
                {
                    State = CaseState.Completed,
                    Rebuttal = current.Rebuttal! with { Answer = c.Answer.Trim(), AnsweredAt = now },
                    FinishedAt = now,
                },
                c.Answer,
                Notice.Of(NoticeKind.RebuttalAnswered, current.Code, ("answer", c.Answer.Trim()))),
            SupplementCommand c => Supplement(step, c),
            RebutCommand c => step.To(
                current with
                {
                    State = CaseState.Rebutted,
                    Rebuttal = new Rebuttal(c.Text.Trim(), now),
                    Deadlines = current.Deadlines with { RebuttalReviewBy = calendar.AddWorkingDays(today, LegalTerms.RebuttalReviewDays) },
                },
                null,
                Notice.Of(NoticeKind.RebuttalReceived, current.Code)),
            RateCommand c => step.To(current with { Rating = c.Score }, $"rating: {c.Score}"),
            CompleteCommand => step.To(current with { State = CaseState.Completed, FinishedAt = now }, "rebuttal window ended unused",
                Notice.Of(NoticeKind.Completed, current.Code)),
            RemindOverdueCommand => step.To(current, $"overdue since {Format(current.StaffDueBy)}"),
            RecomputeDeadlinesCommand => RecomputeDeadlines(step),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Action, "No rule for this action."),
        };

        return outcome.Build(command.Action, ActorName(actor), now);
    }

    private Outcome Accept(Step step, Actor actor, AcceptCommand command)
    {
        var agency = string.IsNullOrWhiteSpace(command.AgencyCode) ? step.Current.ReceivingAgency : command.AgencyCode.Trim();
        var accepted = step.Current with { AcceptedAt = step.Now };
        return Assign(step with { Current = accepted }, agency, command.Note ?? (agency == actor.AgencyCode ? "handled by reception" : null));
    }

    private Outcome Assign(Step step, string agency, string? note)
    {
        var resolveBy = calendar.AddWorkingDays(step.Today, LegalTerms.ResolveDays);
        var assigned = step.Current with
        {
            State = CaseState.InProgress,
            HandlingAgency = agency,
            AwaitingAssignment = false,
            AssignedAt = step.Now,
            Deadlines = step.Current.Deadlines with { ResolveBy = resolveBy },
        };
        var notice = step.Current.State == CaseState.Submitted
            ? [Notice.Of(NoticeKind.Accepted, step.Current.Code, ("agency", agency), ("deadline", Format(resolveBy)))]
            : ImmutableArray<Notice>.Empty;
        return new Outcome(step.Current, assigned, note is null ? $"to {agency}" : $"to {agency}: {note}", notice);
    }

    private Outcome AnswerDirectly(Step step, Actor actor, AnswerDirectlyCommand command)
    {
        var answered = step.Current with
        {
            HandlingAgency = step.Current.ReceivingAgency,
            AcceptedAt = step.Now,
            AssignedAt = step.Now,
            ResolvedAt = step.Now,
            Answer = command.Answer.Trim(),
        };
        return Publish(step with { Current = answered }, step.Current) with { Note = $"answered directly by {actor.AgencyCode}: {answered.Answer}" };
    }

    private Outcome Publish(Step step, Case before)
    {
        var rebuttalBy = calendar.AddWorkingDays(step.Today, LegalTerms.RebuttalDays);
        var published = step.Current with
        {
            State = CaseState.Published,
            PublishedAt = step.Now,
            Deadlines = step.Current.Deadlines with { RebuttalBy = rebuttalBy },
        };
        return new Outcome(before, published, null,
            [Notice.Of(NoticeKind.Published, step.Current.Code, ("answer", published.Answer ?? string.Empty), ("deadline", Format(rebuttalBy)))]);
    }

    private static Outcome Close(Step step, CloseKind kind, string? note, bool withdrawnByCitizen = false)
    {
        var closed = step.Current with { State = CaseState.Closed, CloseKind = kind, CloseNote = note?.Trim(), FinishedAt = step.Now };
        var reason = string.IsNullOrWhiteSpace(note) ? string.Empty : note.Trim();
        var history = $"{kind.ToString().ToLowerInvariant()}{(reason.Length > 0 ? ": " + reason : string.Empty)}";

        // The citizen who withdrew was answered in the chat already; "closed" would only repeat it.
        return withdrawnByCitizen
            ? step.To(closed, history)
            : step.To(closed, history, Notice.Of(NoticeKind.Closed, step.Current.Code, ("kind", kind.ToString().ToLowerInvariant()), ("reason", reason)));
    }

    private Outcome Transfer(Step step, TransferCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.AgencyCode))
        {
            // Not competent: the case is no longer that agency's (its data, its lists, its figures) until the supervisor assigns it.
            return step.To(step.Current with { AwaitingAssignment = true, HandlingAgency = null }, $"to the supervisor: {command.Reason.Trim()}");
        }

        var agency = command.AgencyCode.Trim();
        if (CaseAccess.Same(agency, step.Current.HandlingAgency))
        {
            return Outcome.Invalid("agencyCode", "The case is already handled by this agency.");
        }

        return Assign(step, agency, command.Reason.Trim());
    }

    private Outcome Coordinate(Step step, CoordinateCommand command)
    {
        var current = step.Current;
        var asked = command.AgencyCodes.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (asked.Any(a => CaseAccess.Same(a, current.HandlingAgency)))
        {
            return Outcome.Invalid("agencyCodes", "The handling agency cannot be asked to coordinate with itself.");
        }

        if (asked.Any(a => current.Coordination.Any(c => !c.IsAnswered && CaseAccess.Same(c.AgencyCode, a))))
        {
            return Outcome.Invalid("agencyCodes", "An asked agency has not answered the earlier request yet.");
        }

        var replyBy = calendar.AddWorkingDays(step.Today, LegalTerms.CoordinationDays);
        var requests = asked.Select(a => new CoordinationRequest(a, command.Request.Trim(), step.Now, replyBy));
        return step.To(current with { Coordination = current.Coordination.AddRange(requests) }, $"asked {string.Join(", ", asked)}: {command.Request.Trim()}");
    }

    private static Outcome CoordinationReply(Step step, Actor actor, CoordinationReplyCommand command)
    {
        var current = step.Current;
        var open = current.Coordination.First(c => !c.IsAnswered && CaseAccess.Same(c.AgencyCode, actor.AgencyCode));
        var answered = open with { Opinion = command.Opinion.Trim(), RepliedAt = step.Now };
        return step.To(current with { Coordination = current.Coordination.Replace(open, answered) }, $"{open.AgencyCode}: {command.Opinion.Trim()}");
    }

    private Outcome CancelAnswer(Step step, CancelAnswerCommand command)
    {
        var current = step.Current;
        var reopened = current with
        {
            State = CaseState.InProgress,
            Answer = null,
            ResolvedAt = null,
            PublishedAt = null,
            AssignedAt = step.Now,
            Deadlines = current.Deadlines with
            {
                ResolveBy = calendar.AddWorkingDays(step.Today, LegalTerms.ResolveDays),
                PublishBy = null,
                RebuttalBy = null,
            },
        };
        var wasPublished = current.State == CaseState.Published;
        return new Outcome(current, reopened, command.Reason.Trim(),
            wasPublished ? [Notice.Of(NoticeKind.AnswerCancelled, current.Code, ("reason", command.Reason.Trim()))] : []);
    }

    private Outcome Supplement(Step step, SupplementCommand command)
    {
        var current = step.Current;
        var text = command.Text?.Trim() ?? string.Empty;
        var content = text.Length == 0
            ? current.Content
            : $"{current.Content}{PublishedContent.SupplementMarker}{step.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}] {text}";
        var supplemented = current with
        {
            State = CaseState.Submitted,
            Content = content,
            Attachments = command.Attachments.IsDefaultOrEmpty ? current.Attachments : current.Attachments.AddRange(command.Attachments),
            FiledAttachmentCount = current.FiledAttachmentCount ?? current.Attachments.Length,
            InfoRequest = null,
            TriageStartedAt = step.Now,
            Deadlines = current.Deadlines with { TriageBy = calendar.AddWorkingDays(step.Today, LegalTerms.TriageDays) },
        };
        return step.To(supplemented, "information supplemented");
    }

    private Outcome RecomputeDeadlines(Step step)
    {
        var current = step.Current;
        var recomputed = DeadlineSchedule.Recompute(current, calendar);
        var note = $"deadlines now: {DeadlineSchedule.Describe(recomputed.Deadlines)}";
        return step.To(recomputed, note);
    }

    private static string ActorName(Actor actor) => actor.Kind switch
    {
        ActorKind.Citizen => "citizen",
        ActorKind.System => "system",
        _ => actor.Id,
    };

    internal static string Format(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    private sealed record Step(Case Current, DateOnly Today, DateTimeOffset Now)
    {
        public Outcome To(Case next, string? note, params Notice[] notices) => new(Current, next, note, [.. notices]);
    }

    /// <summary>
    /// What one action did. Its note goes into history whole: history has the legal value of a paper record (Art. 8), so
    /// the answers, reasons and opinions in it are kept as given (each already bounded by <see cref="LegalTerms.MaxTextLength"/>).
    /// </summary>
    private sealed record Outcome(Case Before, Case After, string? Note, ImmutableArray<Notice> Notices)
    {
        private ImmutableDictionary<string, string[]>? Errors { get; init; }

        public static Outcome Invalid(string field, string message) =>
            new(null!, null!, null, []) { Errors = ImmutableDictionary<string, string[]>.Empty.Add(field, [message]) };

        public TransitionResult Build(CaseAction action, string actor, DateTimeOffset now)
        {
            if (Errors is not null)
            {
                return new Refusal(RefusalKind.Invalid, Errors.First().Value[0], [], Errors);
            }

            var next = After with { Version = Before.Version + 1 };
            return new Transition(next, new HistoryEntry(Before.Id, now, actor, action, Before.State, next.State, Note?.Trim()), Notices);
        }
    }
}
