using System.Collections.Immutable;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Chat;

/// <summary>
/// The bot's view of the workflow: files, looks up and acts on cases as the citizen (<see cref="Actor.Citizen"/>),
/// through the case desk, so a citizen reaches only the cases sent from their own chat address.
/// </summary>
public sealed class WorkflowCitizenCaseDesk(CaseDesk desk, ICaseRepository cases) : ICitizenCaseDesk
{
    private static readonly CaseAction[] CitizenActions = [CaseAction.Supplement, CaseAction.Rebut, CaseAction.Rate, CaseAction.Withdraw];

    public async Task<FiledCase> SubmitAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        var actor = newCase.CitizenAddress is { } address ? Actor.Citizen(address) : Actor.System;
        return await desk.SubmitAsync(newCase, actor, cancellationToken) switch
        {
            DeskOutcome.Done done => Filed(done.Case),
            DeskOutcome.Refused refused => throw new InvalidOperationException($"The workflow refused the PAKN: {refused.Refusal.Reason}"),
            var other => throw new InvalidOperationException($"The workflow could not file the PAKN ({other.GetType().Name})."),
        };
    }

    public async Task<FiledCase?> FindSubmissionAsync(string submissionKey, CancellationToken cancellationToken) =>
        await cases.FindCodeBySubmissionAsync(submissionKey, cancellationToken) is { } code
        && await cases.FindByCodeAsync(code, cancellationToken) is { } found
            ? Filed(found)
            : null;

    public async Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken)
    {
        var actor = Actor.Citizen(citizen);
        var found = await desk.FindAsync(code, actor, cancellationToken);
        return found is null ? null : View(found, actor);
    }

    public async Task<PublicCaseView?> FindPublishedAsync(string code, CancellationToken cancellationToken)
    {
        var found = await desk.FindPublishedAsync(code, cancellationToken);
        return found is null
            ? null
            : new PublicCaseView(found.Code, found.State, found.Category, found.Confidential ? null : PublishedContent.Of(found.Content), PublishedContent.MaskedOrNull(found.Answer), found.PublishedAt, PublishedContent.MaskedOrNull(found.Rebuttal?.Answer));
    }

    public async Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken)
    {
        var actor = Actor.Citizen(citizen);
        return [.. (await cases.ListByCitizenAsync(citizen, limit, cancellationToken)).Select(c => View(c, actor))];
    }

    public Task<CitizenActResult> SupplementAsync(string code, CitizenAddress citizen, string text, ImmutableArray<Attachment> attachments, CancellationToken cancellationToken) =>
        ActAsync(code, citizen, new SupplementCommand(text, attachments), cancellationToken);

    public Task<CitizenActResult> RebutAsync(string code, CitizenAddress citizen, string text, CancellationToken cancellationToken) =>
        ActAsync(code, citizen, new RebutCommand(text), cancellationToken);

    public Task<CitizenActResult> RateAsync(string code, CitizenAddress citizen, int score, CancellationToken cancellationToken) =>
        ActAsync(code, citizen, new RateCommand(score), cancellationToken);

    public Task<CitizenActResult> WithdrawAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken) =>
        ActAsync(code, citizen, new WithdrawCommand(), cancellationToken);

    private async Task<CitizenActResult> ActAsync(string code, CitizenAddress citizen, CaseCommand command, CancellationToken cancellationToken) =>
        await desk.ActAsync(code, command, Actor.Citizen(citizen), null, cancellationToken) switch
        {
            DeskOutcome.Done => CitizenActResult.Done,
            DeskOutcome.NotFound => CitizenActResult.NotFound,
            DeskOutcome.Refused { Refusal.Kind: RefusalKind.Invalid } => CitizenActResult.Invalid,
            _ => CitizenActResult.NotAllowed,
        };

    private static FiledCase Filed(Case c) =>
        new(c.Code, c.Deadlines.TriageBy ?? throw new InvalidOperationException("A submitted case has a triage deadline."));

    private CitizenCaseView View(Case c, Actor actor) => new()
    {
        Code = c.Code,
        State = c.State,
        Category = c.Category,
        Content = c.Content,
        SubmittedAt = c.SubmittedAt,
        Deadlines = c.Deadlines,
        InfoRequest = c.InfoRequest,
        DelayReason = c.DelayReason,
        RejectReason = c.RejectReason,
        Answer = c.Answer,
        PublishedAt = c.PublishedAt,
        Rebuttal = c.Rebuttal,
        Rating = c.Rating,
        AllowedActions = [.. desk.AllowedActions(c, actor).Where(CitizenActions.Contains)],
    };
}
