using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>
/// Counts the deadlines of every open case again on the current calendar and stores those that moved, each with
/// its history line (SPEC §3: an announced swap is configuration, and open deadlines follow it). Idempotent: a case
/// already on the current calendar is left as it is; only the number of cases moved is logged, nothing about them.
/// </summary>
public sealed partial class DeadlineRecomputation(
    ICaseRepository cases,
    CaseWorkflow workflow,
    IWorkingCalendar calendar,
    OutboxSignal outbox,
    TimeProvider clock,
    ILogger<DeadlineRecomputation> logger)
{
    private const int PageSize = 200;
    private const int MaxAttempts = 3;

    private static readonly CaseState[] OpenStates =
        [CaseState.Submitted, CaseState.AwaitingInfo, CaseState.InProgress, CaseState.Resolved, CaseState.Published, CaseState.Rebutted];

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var moved = 0;
        foreach (var state in OpenStates)
        {
            for (var page = 1; ; page++)
            {
                var found = await cases.SearchAsync(new CaseQuery(LocalClock.LocalDate(now), State: state, Page: page, PageSize: PageSize), cancellationToken);
                foreach (var current in found.Items)
                {
                    if (await MoveAsync(current, now, cancellationToken))
                    {
                        moved++;
                    }
                }

                if (found.Items.Count < PageSize)
                {
                    break;
                }
            }
        }

        if (moved > 0)
        {
            outbox.Notify();
        }

        LogRecomputed(logger, moved);
        return moved;
    }

    /// <summary>
    /// Stores the case's deadlines counted on the current calendar, unless they already are. A write lost to another
    /// writer (an instance doing the same, a staff action) is retried on the case as it now is, which usually finds
    /// nothing left to move.
    /// </summary>
    private async Task<bool> MoveAsync(Case current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!DeadlineSchedule.Differs(current, calendar)
                || workflow.Apply(current, new RecomputeDeadlinesCommand(), Actor.System, now) is not Transition transition)
            {
                return false;
            }

            if (await cases.UpdateAsync(transition, current.Version, cancellationToken))
            {
                return true;
            }

            if (await cases.FindByIdAsync(current.Id, cancellationToken) is not { } reread)
            {
                return false;
            }

            current = reread;
        }

        return false;
    }

    [LoggerMessage(LogLevel.Information, "Open deadlines counted again on the current calendar: {Count} cases moved")]
    private static partial void LogRecomputed(ILogger logger, int count);
}
