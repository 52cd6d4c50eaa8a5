using System.Data.Common;
using System.Text;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The statements of one case write — its row, scope rows (<c>case_agencies</c>), history line, notices (outbox) and
/// submission key — as one command, so the write costs one round trip. Each part has parameters of its own
/// (<c>@Scope…</c>, <c>@History…</c>, <c>@Notice…</c>, <c>@Submission…</c>) beside the row's (<see cref="CaseColumns"/>).
/// </summary>
internal sealed class CaseWriteCommand(SqlDialect dialect)
{
    private const string InsertHistory =
        "INSERT INTO case_history (case_id, at, actor, action, from_state, to_state, note) " +
        "VALUES (@HistoryCaseId, @HistoryAt, @HistoryActor, @HistoryAction, @HistoryFromState, @HistoryToState, @HistoryNote)";

    private readonly StringBuilder sql = new();
    private readonly DynamicParameters parameters = new();

    /// <summary>The case row's statement, with <paramref name="columns"/> as its parameters.</summary>
    public CaseWriteCommand Row(string statement, CaseColumns columns)
    {
        parameters.AddDynamicParams(columns);
        return Statement(statement);
    }

    /// <summary>
    /// One <c>case_agencies</c> row per agency that may see the case (<see cref="CaseColumns.Agencies"/>: at least the
    /// receiving one); <paramref name="replace"/> drops the old ones first.
    /// </summary>
    public CaseWriteCommand Scope(Case stored, bool replace)
    {
        parameters.Add("ScopeCaseId", stored.Id);
        if (replace)
        {
            Statement("DELETE FROM case_agencies WHERE case_id = @ScopeCaseId");
        }

        var agencies = CaseColumns.Agencies(stored);
        parameters.Add("ScopeSubmittedAt", stored.SubmittedAt);
        parameters.Add("ScopeState", StorageNames.Of(stored.State));
        parameters.Add("ScopeCategory", stored.Category);
        parameters.Add("ScopeStaffDueBy", stored.StaffDueBy);
        for (var i = 0; i < agencies.Count; i++)
        {
            parameters.Add($"ScopeAgency{i}", agencies[i]);
        }

        var rows = Rows(agencies.Count, i => $"(@ScopeAgency{i}, @ScopeCaseId, @ScopeSubmittedAt, @ScopeState, @ScopeCategory, @ScopeStaffDueBy)");
        return Statement($"INSERT INTO case_agencies ({CaseColumns.ScopeColumns}) VALUES {rows}");
    }

    public CaseWriteCommand History(HistoryEntry entry)
    {
        parameters.Add("HistoryCaseId", entry.CaseId);
        parameters.Add("HistoryAt", entry.At);
        parameters.Add("HistoryActor", entry.Actor);
        parameters.Add("HistoryAction", StorageNames.Of(entry.Action));
        parameters.Add("HistoryFromState", StorageNames.OfNullable(entry.FromState));
        parameters.Add("HistoryToState", StorageNames.OfNullable(entry.ToState));
        parameters.Add("HistoryNote", entry.Note);
        return Statement(InsertHistory);
    }

    /// <summary>The transition's notices, queued for the citizen who sent the case (none for a case without a chat address).</summary>
    public CaseWriteCommand Notices(Transition transition)
    {
        if (transition.Case.CitizenAddress is not { } recipient || transition.Notices.IsDefaultOrEmpty)
        {
            return this;
        }

        parameters.Add("NoticeCaseId", transition.Case.Id);
        parameters.Add("NoticeChannel", recipient.Channel);
        parameters.Add("NoticeUserId", recipient.UserId);
        parameters.Add("NoticeAt", transition.History.At);
        for (var i = 0; i < transition.Notices.Length; i++)
        {
            parameters.Add($"Notice{i}", NoticeJson.Write(transition.Notices[i]));
        }

        return Statement(OutboxInsert.Into + Rows(
            transition.Notices.Length, i => OutboxInsert.Values(dialect, "@NoticeCaseId", "@NoticeChannel", "@NoticeUserId", $"@Notice{i}", "@NoticeAt")));
    }

    /// <summary>The key a re-sent submission is recognised by (<see cref="ICaseRepository.FindCodeBySubmissionAsync"/>), if any.</summary>
    public CaseWriteCommand Submission(string? submissionKey, Case stored)
    {
        if (submissionKey is null)
        {
            return this;
        }

        parameters.Add("SubmissionKey", submissionKey);
        parameters.Add("SubmissionCode", stored.Code);
        parameters.Add("SubmissionAt", stored.SubmittedAt);
        return Statement("INSERT INTO case_submissions (submission_key, code, submitted_at) VALUES (@SubmissionKey, @SubmissionCode, @SubmissionAt)");
    }

    public CommandDefinition Definition(DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken);

    /// <summary>The value tuples of a multi-row <c>INSERT</c>, the <c>i</c>-th from <paramref name="row"/>.</summary>
    private static string Rows(int count, Func<int, string> row) => string.Join(", ", Enumerable.Range(0, count).Select(row));

    private CaseWriteCommand Statement(string statement)
    {
        sql.Append(sql.Length == 0 ? string.Empty : ";\n").Append(statement);
        return this;
    }
}
