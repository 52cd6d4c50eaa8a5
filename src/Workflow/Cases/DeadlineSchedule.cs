using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// Every deadline of a case counted again from the event that started it (submission or supplement, assignment,
/// result, publication, rebuttal, coordination request), for when the announced calendar changes (SPEC §3).
/// Deadlines that are not running stay empty; the counting is the state machine's (<see cref="LegalTerms"/>).
/// </summary>
public static class DeadlineSchedule
{
    public static Case Recompute(Case current, IWorkingCalendar calendar)
    {
        DateOnly? From(DateOnly? deadline, DateTimeOffset? startedAt, int days) =>
            deadline is null || startedAt is not { } at ? deadline : calendar.AddWorkingDays(LocalClock.LocalDate(at), days);

        var deadlines = current.Deadlines;
        return current with
        {
            Deadlines = new Deadlines(
                From(deadlines.TriageBy, current.TriageStartedAt ?? current.SubmittedAt, LegalTerms.TriageDays),
                From(deadlines.ResolveBy, current.AssignedAt, LegalTerms.ResolveDays),
                From(deadlines.PublishBy, current.ResolvedAt, LegalTerms.PublishDays),
                From(deadlines.RebuttalBy, current.PublishedAt, LegalTerms.RebuttalDays),
                From(deadlines.RebuttalReviewBy, current.Rebuttal?.At, LegalTerms.RebuttalReviewDays)),
            Coordination = [.. current.Coordination.Select(c => c with
            {
                ReplyBy = calendar.AddWorkingDays(LocalClock.LocalDate(c.RequestedAt), LegalTerms.CoordinationDays),
            })],
        };
    }

    public static bool Differs(Case current, IWorkingCalendar calendar)
    {
        var recomputed = Recompute(current, calendar);
        return recomputed.Deadlines != current.Deadlines
            || !recomputed.Coordination.Select(c => c.ReplyBy).SequenceEqual(current.Coordination.Select(c => c.ReplyBy));
    }

    public static string Describe(Deadlines deadlines) =>
        string.Join(", ", new (string Name, DateOnly? Date)[]
            {
                ("triageBy", deadlines.TriageBy), ("resolveBy", deadlines.ResolveBy), ("publishBy", deadlines.PublishBy),
                ("rebuttalBy", deadlines.RebuttalBy), ("rebuttalReviewBy", deadlines.RebuttalReviewBy),
            }
            .Where(d => d.Date is not null)
            .Select(d => $"{d.Name} {CaseWorkflow.Format(d.Date)}"));
}
