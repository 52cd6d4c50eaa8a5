using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.Intake;

/// <summary>Stands in for the workflow, which the lead wires later; records what the bot filed.</summary>
public sealed class FakeCaseDesk : ICitizenCaseDesk
{
    public List<NewCase> Filed { get; } = [];

    public Task<string> SubmitAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        Filed.Add(newCase);
        return Task.FromResult($"TH-{Filed.Count:D4}");
    }

    public Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken) =>
        Task.FromResult<CitizenCaseView?>(null);

    public Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CitizenCaseView>>([]);
}

public sealed class FixedCategories : IChoiceSource
{
    public string Name => "categories";

    public Task<IReadOnlyList<Choice>> GetChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Choice>>(
        [
            new("giao-thong", "Giao thông", ["đường", "ổ gà"]),
            new("moi-truong", "Môi trường", ["rác", "ô nhiễm"]),
            new("thue", "Thuế"),
        ]);
}
