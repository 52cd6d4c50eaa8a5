namespace PhanHoi.Bot.Api.Directory;

/// <summary>Codes of the reference lists as stored, however staff type them.</summary>
public static class ReferenceCodes
{
    /// <summary>Agencies are abbreviations in capitals (SXD, TTPVHCC).</summary>
    public static string Agency(string code) => Clean(code).ToUpperInvariant();

    /// <summary>Categories are lower-case slugs (giao-thong).</summary>
    public static string Category(string code) => Clean(code).ToLowerInvariant();

    // Codes come from query strings too, where no JSON reader has cleaned them (a NUL is refused by PostgreSQL).
    private static string Clean(string code) => Workflow.Cases.PlainText.Clean(code)!.Trim();

    /// <summary>The agency code a filter or an action names, or null when it names none.</summary>
    public static string? AgencyOrNull(string? code) => string.IsNullOrWhiteSpace(code) ? null : Agency(code);

    /// <summary>The category code a filter names, or null when it names none.</summary>
    public static string? CategoryOrNull(string? code) => string.IsNullOrWhiteSpace(code) ? null : Category(code);
}
