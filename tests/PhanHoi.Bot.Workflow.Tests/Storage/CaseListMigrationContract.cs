using System.Text;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>
/// Migration 0002 (the case list) applied to a store that already holds cases written under 0001: their scope rows get
/// the state, category and deadline the list filters by, and their search text is folded for accent-free queries.
/// </summary>
public abstract class CaseListMigrationContract(StoreFixture store)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Migration_0002_fills_the_scope_and_folds_the_search_text_of_existing_cases()
    {
        var today = new DateOnly(2026, 3, 13);
        var submitted = New(receivingAgency: "TTPVHCC", content: "Mặt ĐƯỜNG Bà Triệu lún sâu, đèn hỏng");
        var handled = Accepted(
            New(receivingAgency: "TTPVHCC", category: "xay-dung", submittedAt: Monday.AddHours(1), content: "Công trình xây dựng gây tiếng ồn ban đêm"),
            "SXD",
            Monday,
            new DateOnly(2026, 3, 10)) with
        {
            Coordination = [new CoordinationRequest("SNNMT", "Cho ý kiến", Monday, new DateOnly(2026, 3, 9))],
        };
        await WriteAsUnder0001Async(submitted);
        await WriteAsUnder0001Async(handled);

        var applied = await Migrator.MigrateAsync(store.Database, None);

        Assert.Contains(applied, s => s.Version == 2);
        await using (var connection = await store.Database.OpenAsync(None))
        {
            var folded = (await connection.QueryAsync<(string Content, string SearchText)>(
                "SELECT content AS Content, search_text AS SearchText FROM cases")).ToList();
            Assert.Equal(2, folded.Count);
            Assert.All(folded, row => Assert.Equal(AccentFolding.Fold(row.Content), row.SearchText));
            Assert.Contains(folded, row => row.SearchText == "mat duong ba trieu lun sau, den hong");
        }

        var cases = new SqlCaseRepository(store.Database, store.Protector);
        async Task<IEnumerable<Guid>> Ids(CaseQuery q) => (await cases.SearchAsync(q, None)).Items.Select(c => c.Id);

        Assert.Equal([handled.Id], await Ids(new CaseQuery(today, ScopeAgency: "SXD", State: CaseState.InProgress)));
        Assert.Equal([handled.Id], await Ids(new CaseQuery(today, ScopeAgency: "SNNMT", Category: "xay-dung", Overdue: true)));
        Assert.Equal([submitted.Id], await Ids(new CaseQuery(today, ScopeAgency: "TTPVHCC", State: CaseState.Submitted)));
        Assert.Equal([handled.Id, submitted.Id], await Ids(new CaseQuery(today, ScopeAgency: "TTPVHCC", Overdue: true)));
        Assert.Equal([submitted.Id], await Ids(new CaseQuery(today, ScopeAgency: "TTPVHCC", Text: "duong ba trieu")));
        Assert.Equal([handled.Id], await Ids(new CaseQuery(today, Text: "tieng on")));

        // Written after the migration, through the repository, a case lands in the same shape.
        var later = New(receivingAgency: "TTPVHCC", submittedAt: Monday.AddHours(2), content: "Rác thải ở chợ Đông Sơn");
        await cases.InsertAsync(Submitted(later), None);
        Assert.Equal([later.Id], await Ids(new CaseQuery(today, ScopeAgency: "TTPVHCC", State: CaseState.Submitted, Text: "cho dong son")));
    }

    /// <summary>Writes a case as the repository did before 0002: lower-cased search text, scope rows without the list's columns.</summary>
    private async Task WriteAsUnder0001Async(Case stored)
    {
        var dialect = store.Database.Dialect;
        var history = new HistoryEntry(stored.Id, stored.SubmittedAt, "citizen", CaseAction.Submit, null, stored.State, null);
        var columns = CaseColumns.Of(stored, new CaseDocument(store.Protector), history, expectedVersion: 0) with
        {
            SearchText = stored.Content.Normalize(NormalizationForm.FormC).ToLowerInvariant(),
        };
        await using var connection = await store.Database.OpenAsync(None);
        const string PhoneKeys = "citizen_phone_key, proxy_phone_key, "; // added by 0008
        await connection.ExecuteAsync(
            $"INSERT INTO cases ({CaseColumns.InsertColumns.Replace(PhoneKeys, string.Empty, StringComparison.Ordinal)}) " +
            $"VALUES ({CaseColumns.InsertValues(dialect).Replace("@CitizenPhoneKey, @ProxyPhoneKey, ", string.Empty, StringComparison.Ordinal)})",
            columns);
        await connection.ExecuteAsync(
            "INSERT INTO case_agencies (agency_code, case_id, submitted_at) VALUES (@AgencyCode, @CaseId, @SubmittedAt)",
            CaseColumns.Agencies(stored).Select(agency => new { AgencyCode = agency, CaseId = stored.Id, stored.SubmittedAt }));
    }
}

public sealed class CaseListMigrationSqliteTests(SqliteStoreAtInitialSchemaFixture store)
    : CaseListMigrationContract(store), IClassFixture<SqliteStoreAtInitialSchemaFixture>;

public sealed class CaseListMigrationPostgresTests(PostgresStoreAtInitialSchemaFixture store)
    : CaseListMigrationContract(store), IClassFixture<PostgresStoreAtInitialSchemaFixture>;
