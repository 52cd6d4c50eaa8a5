using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Desk;

/// <summary>
/// The one door to cases for the staff API and the bot: finds, checks scope, runs the state machine and stores
/// the result (with its history line and notices) under optimistic concurrency.
/// </summary>
public sealed class CaseDesk(
    ICaseRepository cases,
    CaseWorkflow workflow,
    ReferenceChecker references,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<WorkflowOptions> options)
{
    public async Task<DeskOutcome> SubmitAsync(NewCase input, Actor actor, CancellationToken cancellationToken)
    {
        if (await references.CheckCategoryAsync(input.Category, cancellationToken) is { } unknownCategory)
        {
            return new DeskOutcome.Refused(unknownCategory);
        }

        var now = clock.GetUtcNow();
        var (citizen, errors) = CitizenIdentifiers.Normalise(input.Citizen, LocalClock.LocalDate(now));
        if (citizen is null)
        {
            return new DeskOutcome.Refused(new Refusal(RefusalKind.Invalid, "Invalid personal identifiers.", [], errors));
        }

        input = input with { Citizen = citizen };
        var result = workflow.Submit(input, Guid.NewGuid(), CaseCodeGenerator.NewCode(), options.Value.ReceptionAgency, actor, now);
        if (result is not Transition transition)
        {
            return new DeskOutcome.Refused((Refusal)result);
        }

        await cases.InsertAsync(transition, input.SubmissionKey, cancellationToken);
        NotifyIfQueued(transition);
        return new DeskOutcome.Done(transition.Case);
    }

    /// <summary>The case if the actor may see it.</summary>
    public async Task<Case?> FindAsync(string code, Actor actor, CancellationToken cancellationToken)
    {
        var found = await cases.FindByCodeAsync(CaseCodeGenerator.Normalize(code), cancellationToken);
        return found is not null && CaseAccess.CanSee(found, actor) ? found : null;
    }

    /// <summary>A case anyone may read: published (or completed after publication).</summary>
    public async Task<Case?> FindPublishedAsync(string code, CancellationToken cancellationToken)
    {
        var found = await cases.FindByCodeAsync(CaseCodeGenerator.Normalize(code), cancellationToken);
        return found is { PublishedAt: not null, State: CaseState.Published or CaseState.Rebutted or CaseState.Completed } ? found : null;
    }

    public ImmutableArray<CaseAction> AllowedActions(Case current, Actor actor) =>
        workflow.AllowedActions(current, actor, clock.GetUtcNow());

    /// <summary>
    /// Applies <paramref name="command"/>. With <paramref name="ifMatch"/> a changed case is <see cref="DeskOutcome.Stale"/>;
    /// without it the command is re-applied to the fresh case, so two writers never overwrite each other.
    /// </summary>
    public async Task<DeskOutcome> ActAsync(
        string code, CaseCommand command, Actor actor, int? ifMatch, CancellationToken cancellationToken)
    {
        if (await references.CheckCommandAsync(command, cancellationToken) is { } unknownReference)
        {
            return new DeskOutcome.Refused(unknownReference);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await FindAsync(code, actor, cancellationToken);
            if (current is null)
            {
                return new DeskOutcome.NotFound();
            }

            if (ifMatch is { } expected && expected != current.Version)
            {
                return new DeskOutcome.Stale(current.Version);
            }

            var result = workflow.Apply(current, command, actor, clock.GetUtcNow());
            if (result is not Transition transition)
            {
                return new DeskOutcome.Refused((Refusal)result);
            }

            if (await cases.UpdateAsync(transition, current.Version, cancellationToken))
            {
                NotifyIfQueued(transition);
                return new DeskOutcome.Done(transition.Case);
            }

            if (ifMatch is not null || attempt >= options.Value.ConcurrencyRetries)
            {
                var latest = await cases.FindByIdAsync(current.Id, cancellationToken);
                return new DeskOutcome.Stale(latest?.Version ?? current.Version);
            }
        }
    }

    /// <summary>
    /// Whether this staff member may be shown the citizen's personal data (their agency holds the case, SPEC §5); when
    /// they may, the read is recorded in the case's history before anything is shown.
    /// </summary>
    public async Task<bool> RevealPersonalDataAsync(Case viewed, Actor actor, CancellationToken cancellationToken)
    {
        if (!CaseAccess.CanSeePersonalData(viewed, actor))
        {
            return false;
        }

        await cases.AppendHistoryAsync(
            new HistoryEntry(viewed.Id, clock.GetUtcNow(), actor.Id, CaseAction.ViewPersonalData, viewed.State, viewed.State, null),
            cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Case current, CancellationToken cancellationToken) =>
        cases.HistoryAsync(current.Id, cancellationToken);

    public Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken) =>
        cases.SearchAsync(query, cancellationToken);

    public DateOnly Today => LocalClock.LocalDate(clock.GetUtcNow());

    /// <summary>Wakes the outbox sender when the transition queued notices (a chat filing queues none: the reply told the citizen).</summary>
    private void NotifyIfQueued(Transition transition)
    {
        if (!transition.Notices.IsDefaultOrEmpty)
        {
            outbox.Notify();
        }
    }
}
