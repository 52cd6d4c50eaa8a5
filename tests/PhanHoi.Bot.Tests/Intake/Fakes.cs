using System.Collections.Concurrent;
using System.Collections.Immutable;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Tests.Intake;

/// <summary>
/// Stands in for the workflow behind <see cref="ICitizenCaseDesk"/>: keeps cases in memory, lets each citizen see only
/// their own, and allows the citizen actions the real state machine allows in each state.
/// </summary>
public sealed class FakeCaseDesk : ICitizenCaseDesk
{
    private readonly ConcurrentDictionary<string, FakeCase> _cases = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> _submissions = new(StringComparer.Ordinal);

    /// <summary>The triage deadline every case filed here gets, and how the filing reply shows it.</summary>
    public static readonly DateOnly TriageBy = new(2026, 12, 3);

    private const string TriageByText = "03/12/2026";

    /// <summary>The values of the filing reply (<c>intake.filed</c>) for a case filed here.</summary>
    public static Dictionary<string, string> FiledValues(string code) => new() { ["code"] = code, ["deadline"] = TriageByText };

    public List<NewCase> Filed { get; } = [];

    public Task<FiledCase?> FindSubmissionAsync(string submissionKey, CancellationToken cancellationToken) =>
        Task.FromResult(_submissions.GetValueOrDefault(submissionKey) is { } code ? new FiledCase(code, TriageBy) : null);

    public List<(string Code, string Action, string? Text, ImmutableArray<Attachment> Files)> Acts { get; } = [];

    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public Task<FiledCase> SubmitAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        Filed.Add(newCase);
        var code = $"TH-{Filed.Count:D4}";
        if (newCase.SubmissionKey is { } key)
        {
            _submissions[key] = code;
        }

        _cases[code] = new FakeCase(code, newCase.CitizenAddress, newCase.Category, newCase.Content, Now) { Confidential = newCase.Confidential };
        return Task.FromResult(new FiledCase(code, TriageBy));
    }

    /// <summary>A case some citizen filed earlier, in the given state.</summary>
    public FakeCase Seed(string code, CitizenAddress? owner, CaseState state, string content = "Đèn đường trước trường tiểu học Lê Lợi bị hỏng đã hai tuần.", DateTimeOffset? submittedAt = null)
    {
        var seeded = new FakeCase(code, owner, "giao-thong", content, submittedAt ?? Now.AddDays(-3)) { State = state };
        _cases[code] = seeded;
        return seeded;
    }

    public FakeCase this[string code] => _cases[code];

    public Task<CitizenCaseView?> FindAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken) =>
        Task.FromResult(Find(code) is { } found && found.Owner == citizen ? found.View() : null);

    public Task<PublicCaseView?> FindPublishedAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(Find(code) is { State: CaseState.Published or CaseState.Rebutted or CaseState.Completed } found
            ? new PublicCaseView(found.Code, found.State, found.Category, found.Confidential ? null : found.Content, found.Answer, found.PublishedAt, found.Rebuttal?.Answer)
            : null);

    public Task<IReadOnlyList<CitizenCaseView>> ListMineAsync(CitizenAddress citizen, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CitizenCaseView>>(
            [.. _cases.Values.Where(c => c.Owner == citizen).OrderByDescending(c => c.SubmittedAt).Take(limit).Select(c => c.View())]);

    public Task<CitizenActResult> SupplementAsync(string code, CitizenAddress citizen, string text, ImmutableArray<Attachment> attachments, CancellationToken cancellationToken) =>
        Act(code, citizen, CaseAction.Supplement, c =>
        {
            Acts.Add((c.Code, "supplement", text, attachments));
            c.State = CaseState.Submitted;
            c.InfoRequest = null;
        });

    public Task<CitizenActResult> RebutAsync(string code, CitizenAddress citizen, string text, CancellationToken cancellationToken) =>
        Act(code, citizen, CaseAction.Rebut, c =>
        {
            Acts.Add((c.Code, "rebut", text, []));
            c.State = CaseState.Rebutted;
            c.Rebuttal = new Rebuttal(text, Now);
        });

    public Task<CitizenActResult> RateAsync(string code, CitizenAddress citizen, int score, CancellationToken cancellationToken) =>
        score is < 1 or > 5
            ? Task.FromResult(CitizenActResult.Invalid)
            : Act(code, citizen, CaseAction.Rate, c =>
            {
                Acts.Add((c.Code, "rate", score.ToString(System.Globalization.CultureInfo.InvariantCulture), []));
                c.Rating = score;
            });

    public Task<CitizenActResult> WithdrawAsync(string code, CitizenAddress citizen, CancellationToken cancellationToken) =>
        Act(code, citizen, CaseAction.Withdraw, c =>
        {
            Acts.Add((c.Code, "withdraw", null, []));
            c.State = CaseState.Closed;
        });

    private Task<CitizenActResult> Act(string code, CitizenAddress citizen, CaseAction action, Action<FakeCase> apply)
    {
        var found = Find(code);
        if (found is null || found.Owner != citizen)
        {
            return Task.FromResult(CitizenActResult.NotFound);
        }

        if (!found.Allowed().Contains(action))
        {
            return Task.FromResult(CitizenActResult.NotAllowed);
        }

        apply(found);
        return Task.FromResult(CitizenActResult.Done);
    }

    private FakeCase? Find(string code)
    {
        var wanted = code.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return _cases.Values.FirstOrDefault(c => c.Code.Replace("-", string.Empty, StringComparison.Ordinal) == wanted);
    }
}

public sealed class FakeCase(string code, CitizenAddress? owner, string category, string content, DateTimeOffset submittedAt)
{
    public string Code { get; } = code;
    public CitizenAddress? Owner { get; } = owner;
    public string Category { get; } = category;
    public string Content { get; } = content;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public bool Confidential { get; set; }
    public CaseState State { get; set; } = CaseState.Submitted;
    public string? InfoRequest { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Rebuttal? Rebuttal { get; set; }
    public int? Rating { get; set; }
    public Deadlines Deadlines { get; set; } = Deadlines.None;

    public ImmutableArray<CaseAction> Allowed() => State switch
    {
        CaseState.AwaitingInfo => [CaseAction.Supplement, CaseAction.Withdraw],
        CaseState.Submitted or CaseState.InProgress => [CaseAction.Withdraw],
        CaseState.Published when Rebuttal is null => [CaseAction.Rebut, CaseAction.Rate],
        CaseState.Published or CaseState.Rebutted or CaseState.Completed => [CaseAction.Rate],
        _ => [],
    };

    public CitizenCaseView View() => new()
    {
        Code = Code,
        State = State,
        Category = Category,
        Content = Content,
        SubmittedAt = SubmittedAt,
        Deadlines = Deadlines,
        InfoRequest = InfoRequest,
        Answer = Answer,
        PublishedAt = PublishedAt,
        Rebuttal = Rebuttal,
        Rating = Rating,
        AllowedActions = Allowed(),
    };
}

public sealed class FixedCategories : IChoiceSource
{
    public string Name => "categories";

    public Task<IReadOnlyList<Choice>> GetChoicesAsync(PhanHoi.Bot.Activities.Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Choice>>(
        [
            new("giao-thong", "Giao thông", ["đường", "ổ gà"]),
            new("moi-truong", "Môi trường", ["rác", "ô nhiễm"]),
            new("thue", "Thuế"),
        ]);
}
