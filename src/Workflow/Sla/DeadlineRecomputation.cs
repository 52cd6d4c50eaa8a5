using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>
/// Counts the deadlines of every open case again on the current calendar and stores those that moved, each with
/// its history line (SPEC §3: an announced swap is configuration, and open deadlines follow it).
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
                foreach (var current in found.Items.Where(c => DeadlineSchedule.Differs(c, calendar)))
                {
                    if (workflow.Apply(current, new RecomputeDeadlinesCommand(), Actor.System, now) is Transition transition
                        && await cases.UpdateAsync(transition, current.Version, cancellationToken))
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

    [LoggerMessage(LogLevel.Information, "Calendar changed: deadlines of {Count} open cases moved")]
    private static partial void LogRecomputed(ILogger logger, int count);
}
