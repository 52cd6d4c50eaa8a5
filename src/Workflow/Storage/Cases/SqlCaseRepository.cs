using System.Data.Common;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Cases on either engine. A write stores the case row, its scope rows (<c>case_agencies</c>), its history line and its
/// notices (outbox) in one transaction, sent as few commands as the write allows (<see cref="CaseWriteCommand"/>); history is
/// only ever inserted.
/// </summary>
public sealed class SqlCaseRepository : ICaseRepository
{
    /// <summary>The list's <c>total</c> is exact up to this many cases; beyond, it says "more than this many".</summary>
    public const int DefaultCountLimit = 10_000;

    private const string SelectCase = "SELECT c.id AS Id, c.version AS Version, c.personal_data AS PersonalData, c.document AS Document FROM cases c";

    private readonly StoreDatabase database;
    private readonly CaseDocument document;
    private readonly int countLimit;
    private readonly string insertCase;
    private readonly string updateCase;

    public SqlCaseRepository(StoreDatabase database, IPersonalDataProtector protector)
        : this(database, protector, DefaultCountLimit)
    {
    }

    internal SqlCaseRepository(StoreDatabase database, IPersonalDataProtector protector, int countLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(countLimit);
        this.database = database;
        this.countLimit = countLimit;
        document = new CaseDocument(protector);
        insertCase = $"INSERT INTO cases ({CaseColumns.InsertColumns}) VALUES ({CaseColumns.InsertValues(database.Dialect)})";
        updateCase = $"UPDATE cases SET {CaseColumns.UpdateAssignments(database.Dialect)} WHERE id = @Id AND version = @ExpectedVersion";
    }

    public Task<Case?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        FindAsync($"{SelectCase} WHERE c.code = @code", new { code }, cancellationToken);

    public Task<Case?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        FindAsync($"{SelectCase} WHERE c.id = @id", new { id }, cancellationToken);

    public Task InsertAsync(Transition submitted, CancellationToken cancellationToken) => InsertAsync(submitted, null, cancellationToken);

    public async Task<string?> FindCodeBySubmissionAsync(string submissionKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryRowOrDefaultAsync<string>(new CommandDefinition(
            "SELECT code FROM case_submissions WHERE submission_key = @submissionKey", new { submissionKey }, cancellationToken: cancellationToken));
    }

    public async Task InsertAsync(Transition submitted, string? submissionKey, CancellationToken cancellationToken)
    {
        if (submitted.Case.Version != 1)
        {
            throw new ArgumentException("A submitted case has version 1.", nameof(submitted));
        }

        var (citizenPhone, proxyPhone) = document.PhoneKeys(submitted.Case.Citizen);
        var columns = CaseColumns.Of(submitted.Case, document, submitted.History, expectedVersion: 0) with
        {
            CitizenPhoneKey = citizenPhone,
            ProxyPhoneKey = proxyPhone,
        };
        var command = new CaseWriteCommand(database.Dialect)
            .Row(insertCase, columns)
            .Scope(submitted.Case, replace: false)
            .History(submitted.History)
            .Notices(submitted)
            .Submission(submissionKey, submitted.Case);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginCommandWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(command.Definition(transaction, cancellationToken));
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<bool> UpdateAsync(Transition transition, int expectedVersion, CancellationToken cancellationToken)
    {
        if (transition.Case.Version != expectedVersion + 1)
        {
            throw new ArgumentException("The changed case must carry the expected version plus one.", nameof(transition));
        }

        var columns = CaseColumns.Of(transition.Case, document, transition.History, expectedVersion);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(updateCase, columns, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var alongside = new CaseWriteCommand(database.Dialect)
            .Scope(transition.Case, replace: true)
            .History(transition.History)
            .Notices(transition);
        await connection.ExecuteAsync(alongside.Definition(transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AppendHistoryAsync(HistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CaseWriteCommand(database.Dialect).History(entry).Definition(null, cancellationToken));
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<HistoryRow>(new CommandDefinition(
            "SELECT case_id AS CaseId, at AS At, actor AS Actor, action AS Action, from_state AS FromState, to_state AS ToState, note AS Note " +
            "FROM case_history WHERE case_id = @caseId ORDER BY id",
            new { caseId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var filter = CaseSearchFilter.Of(query, query.Phone is { } phone ? document.PhoneKey(phone.Number) : null);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryRowsAsync<CaseRow>(new CommandDefinition(
            filter.PageSql(SelectCase), filter.Parameters, cancellationToken: cancellationToken))).ToList();
        var items = rows.Take(filter.PageSize).Select(document.Read).ToList();
        var listed = filter.Offset + items.Count;
        if (rows.Count <= filter.PageSize && (items.Count > 0 || filter.Page == 1))
        {
            return new CasePage(items, listed, filter.Page, filter.PageSize); // the last page tells the total without counting
        }

        if (rows.Count > filter.PageSize && filter.MatchesOnCaseRows)
        {
            // Text matches are found by reading case rows, one by one past the index: counting a broad one ("đường") would
            // read tens of thousands. Say only that more follow.
            return new CasePage(items, listed, filter.Page, filter.PageSize, TotalIsExact: false);
        }

        // Counting every match of a broad filter (a department's whole scope, every published case) costs more than the
        // page itself, even from an index: the count stops past what a pager shows (or past this page, when deeper).
        // A text query asked for a page past its end counts only that far.
        var limit = Math.Max(filter.MatchesOnCaseRows ? 0 : countLimit, filter.Offset + filter.PageSize);
        filter.Parameters.Add("CountLimit", limit + 1);
        var counted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            filter.CountSql, filter.Parameters, cancellationToken: cancellationToken));
        return counted > limit
            ? new CasePage(items, limit, filter.Page, filter.PageSize, TotalIsExact: false)
            : new CasePage(items, counted, filter.Page, filter.PageSize);
    }

    public async Task<IReadOnlyList<Case>> ListByCitizenAsync(CitizenAddress address, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<CaseRow>(new CommandDefinition(
            $"{SelectCase} WHERE c.citizen_channel = @Channel AND c.citizen_user_id = @UserId ORDER BY c.submitted_at DESC, c.id DESC LIMIT @limit",
            new { address.Channel, address.UserId, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(document.Read)];
    }

    public async Task<IReadOnlyList<Case>> ListDueForSlaAsync(DateOnly today, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryRowsAsync<CaseRow>(new CommandDefinition(
            $"""
            {SelectCase}
            WHERE (c.staff_due_by < @today AND (c.last_reminded_on IS NULL OR c.last_reminded_on < @today)
                   AND c.state NOT IN ('completed', 'rejected', 'closed'))
               OR (c.state = 'published' AND c.rebuttal_by < @today)
            ORDER BY c.submitted_at, c.id
            LIMIT @limit
            """,
            new { today, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(document.Read)];
    }

    private async Task<Case?> FindAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<CaseRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row is null ? null : document.Read(row);
    }

    private sealed class HistoryRow
    {
        public Guid CaseId { get; init; }

        public DateTimeOffset At { get; init; }

        public string Actor { get; init; } = string.Empty;

        public string Action { get; init; } = string.Empty;

        public string? FromState { get; init; }

        public string? ToState { get; init; }

        public string? Note { get; init; }

        public HistoryEntry ToEntry() => new(
            CaseId, At, Actor, StorageNames.Parse<CaseAction>(Action), StorageNames.ParseNullable<CaseState>(FromState),
            StorageNames.ParseNullable<CaseState>(ToState), Note);
    }
}
