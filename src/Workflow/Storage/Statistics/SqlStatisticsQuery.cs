using System.Collections.Immutable;
using Dapper;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Statistics;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// SPEC §6 figures per agency (the handling agency, else the receiving one) for the cases submitted in the period.
/// Counting happens in SQL; the database returns one row per agency plus small groupings by (start date, answer date) and
/// by rating, and working days are counted here with the calendar.
/// </summary>
public sealed class SqlStatisticsQuery(StoreDatabase database, IWorkingCalendar calendar) : IStatisticsQuery
{
    private const string Period = "c.submitted_on >= @From AND c.submitted_on <= @To AND (@Agency IS NULL OR c.report_agency = @Agency)";

    // A result waiting to be published is late on reception's deadline, not the handling agency's (SPEC §3).
    private const string LateToPublish = "c.state = 'resolved' AND c.report_agency <> c.receiving_agency AND c.staff_due_by < @Today";

    private const string Sql =
        $"""
        SELECT c.report_agency AS Agency,
               COUNT(*) AS Received,
               SUM(CASE WHEN c.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS Accepted,
               SUM(CASE WHEN c.state = 'rejected' THEN 1 ELSE 0 END) AS Rejected,
               SUM(CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END) AS Closed,
               SUM(CASE WHEN c.state IN ('submitted', 'awaiting_info') THEN 1 ELSE 0 END) AS AwaitingTriage,
               SUM(CASE WHEN c.state = 'in_progress' THEN 1 ELSE 0 END) AS InProgress,
               SUM(CASE WHEN c.resolved_on IS NOT NULL AND (c.answer_due_by IS NULL OR c.resolved_on <= c.answer_due_by) THEN 1 ELSE 0 END) AS ResolvedOnTime,
               SUM(CASE WHEN c.resolved_on IS NOT NULL AND c.resolved_on > c.answer_due_by THEN 1 ELSE 0 END) AS ResolvedLate,
               SUM(CASE WHEN c.staff_due_by < @Today AND NOT ({LateToPublish}) THEN 1 ELSE 0 END) AS OverdueNow,
               SUM(CASE WHEN c.rebutted_at IS NOT NULL THEN 1 ELSE 0 END) AS Rebuttals
        FROM cases c WHERE {Period}
        GROUP BY c.report_agency;

        SELECT c.report_agency AS Agency, c.started_on AS StartedOn, c.resolved_on AS ResolvedOn, COUNT(*) AS Cases
        FROM cases c WHERE {Period} AND c.started_on IS NOT NULL AND c.resolved_on IS NOT NULL
        GROUP BY c.report_agency, c.started_on, c.resolved_on;

        SELECT c.report_agency AS Agency, c.rating AS Rating, COUNT(*) AS Cases
        FROM cases c WHERE {Period} AND c.rating IS NOT NULL
        GROUP BY c.report_agency, c.rating;

        SELECT c.receiving_agency AS Agency, COUNT(*) AS Cases
        FROM cases c
        WHERE c.submitted_on >= @From AND c.submitted_on <= @To AND (@Agency IS NULL OR c.receiving_agency = @Agency) AND {LateToPublish}
        GROUP BY c.receiving_agency;
        """;

    public async Task<IReadOnlyList<AgencyStatistics>> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("From", query.From);
        parameters.Add("To", query.To);
        parameters.Add("Today", query.Today);
        parameters.Add("Agency", query.Agency, System.Data.DbType.String);

        await using var connection = await database.OpenAsync(cancellationToken);
        var (counts, answerRows, ratingRows, lateRows) = await connection.ReadAsync(
            new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken),
            async results => (
                await results.ReadRowsAsync<CountsRow>(cancellationToken),
                await results.ReadNextRowsAsync<AnswerRow>(cancellationToken),
                await results.ReadNextRowsAsync<RatingRow>(cancellationToken),
                await results.ReadNextRowsAsync<LateRow>(cancellationToken)));
        var answers = answerRows.ToLookup(a => a.Agency, StringComparer.Ordinal);
        var ratings = ratingRows.ToLookup(r => r.Agency, StringComparer.Ordinal);
        var lateToPublish = lateRows.ToDictionary(l => l.Agency, l => l.Cases, StringComparer.Ordinal);
        counts.AddRange(lateToPublish.Keys.Where(a => counts.All(c => c.Agency != a)).Select(a => new CountsRow { Agency = a }));

        return [.. counts.OrderBy(c => c.Agency, StringComparer.Ordinal).Select(c => new AgencyStatistics(
            c.Agency,
            (int)c.Received,
            (int)c.Accepted,
            (int)c.Rejected,
            (int)c.Closed,
            (int)c.AwaitingTriage,
            (int)c.InProgress,
            (int)c.ResolvedOnTime,
            (int)c.ResolvedLate,
            (int)(c.OverdueNow + lateToPublish.GetValueOrDefault(c.Agency)),
            AverageWorkingDays(answers[c.Agency]),
            (int)c.Rebuttals,
            ratings[c.Agency].ToImmutableSortedDictionary(r => r.Rating, r => (int)r.Cases)))];
    }

    private double? AverageWorkingDays(IEnumerable<AnswerRow> answers)
    {
        long cases = 0;
        long days = 0;
        foreach (var answer in answers)
        {
            cases += answer.Cases;
            days += answer.Cases * calendar.WorkingDaysBetween(answer.StartedOn, answer.ResolvedOn);
        }

        return cases == 0 ? null : Math.Round((double)days / cases, 2);
    }

    private sealed class CountsRow
    {
        public string Agency { get; init; } = string.Empty;

        public long Received { get; init; }

        public long Accepted { get; init; }

        public long Rejected { get; init; }

        public long Closed { get; init; }

        public long AwaitingTriage { get; init; }

        public long InProgress { get; init; }

        public long ResolvedOnTime { get; init; }

        public long ResolvedLate { get; init; }

        public long OverdueNow { get; init; }

        public long Rebuttals { get; init; }
    }

    private sealed class LateRow
    {
        public string Agency { get; init; } = string.Empty;

        public long Cases { get; init; }
    }

    private sealed class AnswerRow
    {
        public string Agency { get; init; } = string.Empty;

        public DateOnly StartedOn { get; init; }

        public DateOnly ResolvedOn { get; init; }

        public long Cases { get; init; }
    }

    private sealed class RatingRow
    {
        public string Agency { get; init; } = string.Empty;

        public int Rating { get; init; }

        public long Cases { get; init; }
    }
}
