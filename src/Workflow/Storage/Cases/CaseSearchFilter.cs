using System.Text;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>The WHERE clause and parameters of a <see cref="CaseQuery"/> over <c>cases c</c> (the same SQL on both engines).</summary>
internal sealed class CaseSearchFilter
{
    public const int MaxPageSize = 200;

    private static readonly string PublishedStates =
        string.Join(", ", new[] { CaseState.Published, CaseState.Rebutted, CaseState.Completed }.Select(s => $"'{StorageNames.Of(s)}'"));

    private CaseSearchFilter(string where, DynamicParameters parameters, string orderBy)
    {
        Where = where;
        Parameters = parameters;
        OrderBy = orderBy;
    }

    public string Where { get; }

    public DynamicParameters Parameters { get; }

    public string OrderBy { get; }

    public static CaseSearchFilter Of(CaseQuery query)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (query.ScopeAgency is { } scope)
        {
            conditions.Add("EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_code = @Scope)");
            parameters.Add("Scope", scope);
        }

        if (query.State is { } state)
        {
            conditions.Add("c.state = @State");
            parameters.Add("State", StorageNames.Of(state));
        }

        if (query.Agency is { } agency)
        {
            conditions.Add("c.report_agency = @Agency");
            parameters.Add("Agency", agency);
        }

        if (query.Category is { } category)
        {
            conditions.Add("c.category = @Category");
            parameters.Add("Category", category);
        }

        if (query.Overdue is { } overdue)
        {
            conditions.Add(overdue ? "c.staff_due_by < @Today" : "(c.staff_due_by IS NULL OR c.staff_due_by >= @Today)");
            parameters.Add("Today", query.Today);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            conditions.Add(@"c.search_text LIKE @Pattern ESCAPE '\'");
            parameters.Add("Pattern", "%" + EscapeLike(CaseColumns.Fold(query.Text.Trim())) + "%");
        }

        if (query.From is { } from)
        {
            conditions.Add("c.submitted_at >= @From");
            parameters.Add("From", from);
        }

        if (query.To is { } to)
        {
            conditions.Add("c.submitted_at <= @To");
            parameters.Add("To", to);
        }

        if (query.PublishedOnly)
        {
            conditions.Add($"c.published_at IS NOT NULL AND c.state IN ({PublishedStates})");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (long)(page - 1) * pageSize);
        return new CaseSearchFilter(
            conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions),
            parameters,
            query.PublishedOnly ? "c.published_at DESC, c.id DESC" : "c.submitted_at DESC, c.id DESC");
    }

    private static string EscapeLike(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '%' or '_' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
