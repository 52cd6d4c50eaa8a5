using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

public sealed class DeadlineScheduleTests : IDisposable
{
    private readonly CaseFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public void Counting_again_on_the_same_calendar_changes_nothing()
    {
        using var calendar = new WorkingDayCalendar();
        var asked = f.Do(f.InProgressAtSxd(), new CoordinateCommand(["SNNMT"], "Cho ý kiến."), CaseFixture.Sxd);
        var cases = new[] { f.Submitted(), asked, f.Resolved(), f.Published(), f.Do(f.Published(), new RebutCommand("Chưa đúng."), CaseFixture.Citizen) };

        Assert.All(cases, c => Assert.False(DeadlineSchedule.Differs(c, calendar)));
    }

    [Fact]
    public void An_announced_day_off_moves_open_deadlines_by_a_working_day()
    {
        var inProgress = f.Do(f.InProgressAtSxd(), new CoordinateCommand(["SNNMT"], "Cho ý kiến."), CaseFixture.Sxd);
        using var swapped = new WorkingDayCalendar(new CalendarOptions { Holidays = ["2026-03-05"] });

        var recomputed = DeadlineSchedule.Recompute(inProgress, swapped);

        Assert.Equal(new DateOnly(2026, 3, 16), inProgress.Deadlines.ResolveBy);
        Assert.Equal(new DateOnly(2026, 3, 17), recomputed.Deadlines.ResolveBy);
        Assert.Equal(new DateOnly(2026, 3, 10), Assert.Single(recomputed.Coordination).ReplyBy);
        Assert.Null(recomputed.Deadlines.PublishBy);
    }

    [Fact]
    public void Triage_after_a_supplement_counts_from_the_supplement()
    {
        var asked = f.Do(f.Submitted(), new RequestInfoCommand("Số nhà?"), CaseFixture.Reception);
        f.Advance(TimeSpan.FromDays(7));
        var supplemented = f.Do(asked, new SupplementCommand("Số 12.", []), CaseFixture.Citizen);
        using var calendar = new WorkingDayCalendar();

        Assert.False(DeadlineSchedule.Differs(supplemented, calendar));
        Assert.Equal(new DateOnly(2026, 3, 11), DeadlineSchedule.Recompute(supplemented, calendar).Deadlines.TriageBy);
    }

    [Fact]
    public void Recomputing_is_a_system_action_recorded_in_history_and_never_touches_finished_cases()
    {
        var inProgress = f.InProgressAtSxd();
        var rejected = f.Do(f.Submitted(), new RejectCommand("Trùng."), CaseFixture.Reception);

        var transition = f.Apply(inProgress, new RecomputeDeadlinesCommand(), Actor.System);

        Assert.Equal(CaseAction.RecomputeDeadlines, transition.History.Action);
        Assert.Contains("resolveBy 16/03/2026", transition.History.Note, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Forbidden, f.Refuse(inProgress, new RecomputeDeadlinesCommand(), CaseFixture.Reception).Kind);
        Assert.Equal(RefusalKind.State, f.Refuse(rejected, new RecomputeDeadlinesCommand(), Actor.System).Kind);
    }
}
