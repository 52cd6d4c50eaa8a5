using System.Text.RegularExpressions;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// What of a case's content the public may read and search (SPEC §2, §5): the PAKN as first sent, without the
/// supplements reception asked for (they are often contact details), and with phone, ID and tax numbers the citizen
/// typed into it masked.
/// </summary>
public static partial class PublishedContent
{
    /// <summary>How a supplement starts inside the content: <c>\n\n[Bổ sung dd/MM/yyyy] text</c>.</summary>
    public const string SupplementMarker = "\n\n[Bổ sung ";

    public const string Mask = "***";

    public static string Of(string content)
    {
        var supplements = content.IndexOf(SupplementMarker, StringComparison.Ordinal);
        var original = supplements < 0 ? content : content[..supplements];
        return NumberRuns().Replace(original, Mask);
    }

    // Nine digits or more, maybe grouped by spaces, dots or dashes: phone numbers, ID cards, tax codes.
    [GeneratedRegex(@"\+?\d(?:[ .\-]?\d){8,}")]
    private static partial Regex NumberRuns();
}
