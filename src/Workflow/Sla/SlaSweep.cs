using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Sla;

/// <summary>
/// One pass over the cases whose deadlines have come: completes published cases whose rebuttal window ended
/// unused, and records a reminder for the agency on each overdue case (at most once a day).
/// </summary>
public sealed partial class SlaSweep(
    ICaseRepository cases,
    CaseWorkflow workflow,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<SlaOptions> options,
    ILogger<SlaSweep> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await cases.ListDueForSlaAsync(LocalClock.LocalDate(now), options.Value.BatchSize, cancellationToken);
        var changed = 0;
        foreach (var current in due)
        {
            CaseCommand command = current.State == CaseState.Published ? new CompleteCommand() : new RemindOverdueCommand();
            if (workflow.Apply(current, command, Actor.System, now) is Transition transition
                && await cases.UpdateAsync(transition, current.Version, cancellationToken))
            {
                changed++;
                LogApplied(logger, command.Action, current.Code);
            }
        }

        if (changed > 0)
        {
            outbox.Notify();
        }

        return changed;
    }

    [LoggerMessage(LogLevel.Information, "SLA: {Action} on case {Code}")]
    private static partial void LogApplied(ILogger logger, CaseAction action, string code);
}
