using System.Text;
using Dapper;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// The SQL of a <see cref="CaseQuery"/> (the same on both engines). A handler's scope is read from <c>case_agencies</c>,
/// which carries the state, category, staff deadline and submission time of each case (migration 0002), so the scoped
/// filters, the order and the count are one range of one index; the case rows are read only for the page.
/// Filters on what only <c>cases</c> holds (text, phone, report agency, published) join it. A public (published-only) text
/// search matches the content of non-confidential cases only.
/// </summary>
internal sealed class CaseSearchFilter
{
    public const int MaxPageSize = 200;

    private static readonly string PublishedStates =
        string.Join(", ", new[] { CaseState.Published, CaseState.Rebutted, CaseState.Completed }.Select(s => $"'{StorageNames.Of(s)}'"));

    private readonly string source;
    private readonly string where;
    private readonly string key;
    private readonly string sortAt;

    private CaseSearchFilter(string source, string where, string key, string sortAt, DynamicParameters parameters, int page, int pageSize)
    {
        this.source = source;
        this.where = where;
        this.key = key;
        this.sortAt = sortAt;
        Parameters = parameters;
        Page = page;
        PageSize = pageSize;
    }

    public DynamicParameters Parameters { get; }

    public int Page { get; }

    public int PageSize { get; }

    public long Offset => (long)(Page - 1) * PageSize;

    /// <summary>
    /// True when matching reads case rows (the text filter): counting then costs a row per case, so the list counts no
    /// further than the page (<see cref="SqlCaseRepository.SearchAsync"/>).
    /// </summary>
    public bool MatchesOnCaseRows { get; private init; }

    /// <summary>
    /// The page, newest first, and one case more to tell whether another page follows: the keys of the page are found
    /// first (from an index alone where it can), then only those cases are read. Columns as <see cref="CaseRow"/>.
    /// </summary>
    public string PageSql(string selectCase) =>
        $"""
        {selectCase}
        JOIN (SELECT {key} AS id, {sortAt} AS sort_at FROM {source} WHERE {where}
              ORDER BY {sortAt} DESC, {key} DESC LIMIT @Limit OFFSET @Offset) p ON p.id = c.id
        ORDER BY p.sort_at DESC, p.id DESC
        """;

    /// <summary>How many cases match, counting no further than <c>@CountLimit</c>.</summary>
    public string CountSql => $"SELECT COUNT(*) FROM (SELECT 1 AS one FROM {source} WHERE {where} LIMIT @CountLimit) n";

    /// <param name="phoneKey">The lookup key of <see cref="CaseQuery.Phone"/>'s number (<see cref="CaseDocument.PhoneKey"/>).</param>
    public static CaseSearchFilter Of(CaseQuery query, string? phoneKey = null)
    {
        var parameters = new DynamicParameters();

        // A scope read from case_agencies, unless the order is by publication (only cases has it).
        var byScope = query.ScopeAgency is not null && !query.PublishedOnly;
        var scoped = new List<string>();
        var onCase = new List<string>();
        var onScopeTable = byScope ? scoped : onCase;
        var t = byScope ? "ca" : "c";

        if (query.ScopeAgency is { } scope)
        {
            (byScope ? scoped : onCase).Add(byScope
                ? "ca.agency_code = @Scope"
                : "EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_code = @Scope)");
            parameters.Add("Scope", scope);
        }

        if (query.State is { } state)
        {
            onScopeTable.Add($"{t}.state = @State");
            parameters.Add("State", StorageNames.Of(state));
        }

        if (query.Category is { } category)
        {
            onScopeTable.Add($"{t}.category = @Category");
            parameters.Add("Category", category);
        }

        if (query.Overdue is { } overdue)
        {
            onScopeTable.Add(overdue ? $"{t}.staff_due_by < @Today" : $"({t}.staff_due_by IS NULL OR {t}.staff_due_by >= @Today)");
            parameters.Add("Today", query.Today);
        }

        if (query.From is { } from)
        {
            onScopeTable.Add($"{t}.submitted_at >= @From");
            parameters.Add("From", from);
        }

        if (query.To is { } to)
        {
            onScopeTable.Add($"{t}.submitted_at <= @To");
            parameters.Add("To", to);
        }

        if (query.Agency is { } agency)
        {
            onCase.Add("c.report_agency = @Agency");
            parameters.Add("Agency", agency);
        }

        var hasText = !string.IsNullOrWhiteSpace(query.Text);
        if (hasText)
        {
            // search_text is what the public may read of the content (PublishedContent). The public sees no content of a confidential case (Art. 7.3), so a public
            // search must not match it either: a hit would reveal what the content holds (a phone number, an address).
            onCase.Add(query.PublishedOnly
                ? @"c.confidential = @Confidential AND c.search_text LIKE @Pattern ESCAPE '\'"
                : @"c.search_text LIKE @Pattern ESCAPE '\'");
            parameters.Add("Pattern", "%" + EscapeLike(AccentFolding.Fold(query.Text!.Trim())) + "%");
            if (query.PublishedOnly)
            {
                parameters.Add("Confidential", false);
            }
        }

        if (query.Phone is { } phone)
        {
            onCase.Add("(c.citizen_phone_key = @PhoneKey OR c.proxy_phone_key = @PhoneKey) " +
                "AND (c.receiving_agency = @HoldingAgency OR c.handling_agency = @HoldingAgency)");
            parameters.Add("PhoneKey", phoneKey ?? throw new ArgumentNullException(nameof(phoneKey), "A phone search needs the number's lookup key."));
            parameters.Add("HoldingAgency", phone.HoldingAgency);
        }

        if (query.PublishedOnly)
        {
            onCase.Add($"c.published_at IS NOT NULL AND c.state IN ({PublishedStates})");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        parameters.Add("Limit", pageSize + 1);
        parameters.Add("Offset", (long)(page - 1) * pageSize);

        var conditions = scoped.Concat(onCase).ToList();
        var where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
        if (byScope)
        {
            var source = onCase.Count == 0 ? "case_agencies ca" : "case_agencies ca JOIN cases c ON c.id = ca.case_id";
            return new CaseSearchFilter(source, where, "ca.case_id", "ca.submitted_at", parameters, page, pageSize) { MatchesOnCaseRows = hasText };
        }

        return new CaseSearchFilter("cases c", where, "c.id", query.PublishedOnly ? "c.published_at" : "c.submitted_at", parameters, page, pageSize)
        {
            MatchesOnCaseRows = hasText,
        };
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
