using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Chat;

/// <summary>The bot's view of the workflow: files and looks up cases as the citizen, through the case desk.</summary>
public sealed class WorkflowCitizenCaseDesk(CaseDesk desk, ICaseRepository cases) : ICitizenCaseDesk
{
    public async Task<string> SubmitAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        var actor = newCase.CitizenAddress is { } address ? Actor.Citizen(address) : Actor.System;
        return await desk.SubmitAsync(newCase, actor, cancellationToken) switch
        {
            DeskOutcome.Done done => done.Case.Code,
            DeskOutcome.Refused refused => throw new InvalidOperationException($"The workflow refused the PAKN: {refused.Refusal.Reason}"),
            var other => throw new InvalidOperationException($"The workflow could not file the PAKN ({other.GetType().Name})."),
        };
    }

    public async Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken)
    {
        var found = await desk.FindAsync(code, Actor.Citizen(citizen), cancellationToken);
        return found is null ? null : View(found);
    }

    public async Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken) =>
        [.. (await cases.ListByCitizenAsync(citizen, limit, cancellationToken)).Select(View)];

    private static CitizenCaseView View(Case c) => new(c.Code, c.State, c.Category, c.SubmittedAt, c.Answer);
}
