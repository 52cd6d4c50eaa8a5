using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Statistics;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>SPEC §6 figures per agency and period, on each engine.</summary>
public abstract class StatisticsContract(StoreFixture store)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private readonly SqlCaseRepository cases = new(store.Database, store.Protector);
    private readonly SqlStatisticsQuery statistics = new(store.Database, new WorkingDayCalendar((CalendarOptions?)null));

    [Fact]
    public async Task Quarter_figures_per_agency_count_each_outcome_Art17()
    {
        var agency = Unique("AG");
        var other = Unique("AG");
        var q1 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vn);

        // on time: accepted Mon 2/3, resolved Fri 6/3 (4 working days), rated 5, rebutted
        await Store(New(submittedAt: q1), c => Accepted(c, agency, q1, new DateOnly(2026, 3, 16)) with
        {
            State = CaseState.Published, ResolvedAt = q1.AddDays(4), PublishedAt = q1.AddDays(5), Rating = 5,
            Rebuttal = new Rebuttal("Chưa sửa xong", q1.AddDays(6)),
        });
        // late: resolved 18/3 against 16/3 (12 working days), rated 2
        await Store(New(submittedAt: q1), c => Accepted(c, agency, q1, new DateOnly(2026, 3, 16)) with
        {
            State = CaseState.Completed, ResolvedAt = new DateTimeOffset(2026, 3, 18, 10, 0, 0, Vn), Rating = 2,
        });
        // still in progress and overdue on 20/3
        await Store(New(submittedAt: q1), c => Accepted(c, agency, q1, new DateOnly(2026, 3, 16)));
        // rejected and closed by reception while the agency was receiving them
        await Store(New(receivingAgency: agency, submittedAt: q1), c => c with { State = CaseState.Rejected, RejectReason = "Trùng" });
        await Store(New(receivingAgency: agency, submittedAt: q1), c => c with { State = CaseState.Closed, CloseKind = CloseKind.Thanks });
        // another agency's, and one of ours outside the period (submitted 1/4 local time, 31/3 in UTC)
        await Store(New(submittedAt: q1), c => Accepted(c, other, q1, new DateOnly(2026, 3, 16)));
        await Store(New(submittedAt: new DateTimeOffset(2026, 4, 1, 6, 0, 0, Vn)), c => Accepted(c, agency, q1, new DateOnly(2026, 4, 15)));

        var figures = await statistics.ComputeAsync(new StatisticsQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), agency, new DateOnly(2026, 3, 20)), None);

        var ours = Assert.Single(figures);
        Assert.Equal(agency, ours.AgencyCode);
        Assert.Equal(
            (5, 3, 1, 1, 0, 1, 1, 1, 1, 1),
            (ours.Received, ours.Accepted, ours.Rejected, ours.Closed, ours.AwaitingTriage, ours.InProgress, ours.ResolvedOnTime, ours.ResolvedLate, ours.OverdueNow, ours.Rebuttals));
        Assert.Equal(8.0, ours.AvgWorkingDaysToAnswer); // (4 + 12) / 2
        Assert.Equal([new KeyValuePair<int, int>(2, 1), new KeyValuePair<int, int>(5, 1)], ours.Ratings);
    }

    [Fact]
    public async Task Without_an_agency_every_agency_with_cases_in_the_period_is_listed()
    {
        var first = Unique("AA");
        var second = Unique("AB");
        var day = new DateTimeOffset(2030, 6, 3, 9, 0, 0, Vn);
        await Store(New(receivingAgency: first, submittedAt: day), c => c);
        await Store(New(receivingAgency: second, submittedAt: day), c => c);

        var figures = await statistics.ComputeAsync(new StatisticsQuery(new DateOnly(2030, 6, 3), new DateOnly(2030, 6, 3), null, new DateOnly(2030, 6, 3)), None);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), figures.Select(f => f.AgencyCode));
        Assert.All(figures, f => Assert.Equal((1, 1, 0, null), (f.Received, f.AwaitingTriage, f.InProgress, f.AvgWorkingDaysToAnswer)));
    }

    [Fact]
    public async Task Cases_reception_has_not_triaged_are_awaiting_triage_not_in_progress_Art17()
    {
        var agency = Unique("AT");
        var day = new DateTimeOffset(2030, 9, 2, 9, 0, 0, Vn);
        await Store(New(receivingAgency: agency, submittedAt: day), c => c);
        await Store(New(receivingAgency: agency, submittedAt: day), c => c with { State = CaseState.AwaitingInfo, InfoRequest = "Cho biết số nhà." });
        await Store(New(receivingAgency: agency, submittedAt: day), c => Accepted(c, agency, day, new DateOnly(2030, 9, 16)));
        await Store(New(receivingAgency: agency, submittedAt: day), c => Accepted(c, agency, day, new DateOnly(2030, 9, 16)) with
        {
            State = CaseState.Resolved, ResolvedAt = day.AddDays(1),
        });

        var figures = await statistics.ComputeAsync(new StatisticsQuery(new DateOnly(2030, 9, 1), new DateOnly(2030, 9, 30), agency, new DateOnly(2030, 9, 3)), None);

        var ours = Assert.Single(figures);
        Assert.Equal((4, 2, 2, 1, 1), (ours.Received, ours.Accepted, ours.AwaitingTriage, ours.InProgress, ours.ResolvedOnTime));
    }

    [Fact]
    public async Task A_result_late_to_be_published_is_reception_s_delay_not_the_handling_agency_s_SPEC3()
    {
        var reception = Unique("RC");
        var handler = Unique("HD");
        var day = new DateTimeOffset(2031, 3, 3, 9, 0, 0, Vn);
        await Store(New(receivingAgency: reception, submittedAt: day), c => Accepted(c, handler, day, new DateOnly(2031, 3, 17)) with
        {
            State = CaseState.Resolved, ResolvedAt = day.AddDays(2), Deadlines = new Deadlines(ResolveBy: new DateOnly(2031, 3, 17), PublishBy: new DateOnly(2031, 3, 6)),
        });
        await Store(New(receivingAgency: reception, submittedAt: day), c => Accepted(c, handler, day, new DateOnly(2031, 3, 10)));

        var today = new DateOnly(2031, 3, 12);
        var all = await statistics.ComputeAsync(new StatisticsQuery(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), null, today), None);
        var onlyReception = await statistics.ComputeAsync(new StatisticsQuery(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), reception, today), None);

        Assert.Equal(1, all.Single(f => f.AgencyCode == handler).OverdueNow); // its own: processing past 10/3
        Assert.Equal(1, all.Single(f => f.AgencyCode == reception).OverdueNow); // publishing past 6/3
        Assert.Equal(0, all.Single(f => f.AgencyCode == reception).Received); // the cases are reported under the agency handling them
        Assert.Equal(1, Assert.Single(onlyReception).OverdueNow);
    }

    private async Task Store(Case submitted, Func<Case, Case> change)
    {
        await cases.InsertAsync(Submitted(submitted), None);
        await cases.UpdateAsync(Change(submitted, change, CaseAction.Accept, submitted.SubmittedAt), 1, None);
    }
}

public sealed class StatisticsSqliteTests(SqliteStoreFixture store) : StatisticsContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class StatisticsPostgresTests(PostgresStoreFixture store) : StatisticsContract(store), IClassFixture<PostgresStoreFixture>;
