using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Sla;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>A swapped day off announced in configuration moves the deadlines of stored open cases (SPEC §3).</summary>
public sealed class DeadlineRecomputationTests(SqliteStoreFixture store) : IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public async Task Open_cases_get_their_deadlines_counted_again_and_the_move_is_in_history()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, LocalClock.Offset);
        using var before = new WorkingDayCalendar();
        using var after = new WorkingDayCalendar(new CalendarOptions { Holidays = ["2026-03-05"] });
        var cases = new SqlCaseRepository(store.Database, store.Protector);
        var workflow = new CaseWorkflow(before);
        var submitted = Assert.IsType<Transition>(workflow.Submit(
            new NewCase(CaseChannel.Counter, "giao-thong", "Đèn đường hỏng.", false, new CitizenDetails("Lê Văn Nam", "+84912345678"), null, []),
            Guid.NewGuid(), CaseCodeGenerator.NewCode(), "TTPVHCC", Actor.Staff("u", "TTPVHCC", StaffRole.Reception), now));
        await cases.InsertAsync(submitted, CancellationToken.None);
        var accepted = Assert.IsType<Transition>(workflow.Apply(submitted.Case, new AcceptCommand("SXD", null), Actor.Staff("u", "TTPVHCC", StaffRole.Reception), now));
        await cases.UpdateAsync(accepted, submitted.Case.Version, CancellationToken.None);
        using var signal = new OutboxSignal();
        var recomputation = new DeadlineRecomputation(
            cases, new CaseWorkflow(after), after, signal, new FakeTimeProvider(now), NullLogger<DeadlineRecomputation>.Instance);

        var moved = await recomputation.RunOnceAsync(CancellationToken.None);
        var again = await recomputation.RunOnceAsync(CancellationToken.None);

        var stored = await cases.FindByIdAsync(submitted.Case.Id, CancellationToken.None);
        Assert.True(moved >= 1);
        Assert.Equal(0, again);
        Assert.Equal(new DateOnly(2026, 3, 17), stored!.Deadlines.ResolveBy);
        var history = await cases.HistoryAsync(submitted.Case.Id, CancellationToken.None);
        Assert.Equal(CaseAction.RecomputeDeadlines, history[^1].Action);
    }
}
