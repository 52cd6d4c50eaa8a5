using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Statistics;

/// <summary>
/// SPEC §6 figures for one agency and period (GET /api/v1/stats). Of the cases still open before a result:
/// <see cref="AwaitingTriage"/> are with reception, not yet accepted (<c>submitted</c>, or <c>awaiting_info</c> while the
/// citizen supplements them); <see cref="InProgress"/> are accepted and being processed (<c>in_progress</c>).
/// <see cref="OverdueNow"/> counts the cases late on a step that is this agency's: triage and publishing for the agency
/// that received them, processing and the rebuttal's review for the one that handles them.
/// </summary>
public sealed record AgencyStatistics(
    string AgencyCode,
    int Received,
    int Accepted,
    int Rejected,
    int Closed,
    int AwaitingTriage,
    int InProgress,
    int ResolvedOnTime,
    int ResolvedLate,
    int OverdueNow,
    double? AvgWorkingDaysToAnswer,
    int Rebuttals,
    ImmutableSortedDictionary<int, int> Ratings);

/// <summary>Period in local dates, inclusive; <see cref="Today"/> decides what is overdue now.</summary>
public sealed record StatisticsQuery(DateOnly From, DateOnly To, string? Agency, DateOnly Today);

public interface IStatisticsQuery
{
    Task<IReadOnlyList<AgencyStatistics>> ComputeAsync(StatisticsQuery query, CancellationToken cancellationToken);
}
