using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// What the bot asks of the case workflow on a citizen's behalf. The host wires it to the workflow; the bot
/// never touches repositories directly.
/// </summary>
public interface ICitizenCaseDesk
{
    /// <summary>Files a PAKN and returns its tracking code.</summary>
    Task<string> SubmitAsync(NewCase newCase, CancellationToken cancellationToken);

    /// <summary>A case by code if it belongs to this citizen, else null.</summary>
    Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken);

    /// <summary>The citizen's recent cases, newest first.</summary>
    Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken);
}

/// <summary>What a citizen may see of their own case in chat.</summary>
public sealed record CitizenCaseView(string Code, CaseState State, string Category, DateTimeOffset SubmittedAt, string? Answer);
