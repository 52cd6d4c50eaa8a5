using System.Text.RegularExpressions;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// What of a case's texts may be read without its personal data (SPEC §2, §5): by the public, and by staff whose
/// agency does not hold the case. Phone, ID and tax numbers and e-mail addresses typed into a text are masked; the
/// public also reads the PAKN as first sent, without the supplements reception asked for (often contact details).
/// </summary>
public static partial class PublishedContent
{
    /// <summary>How a supplement starts inside the content: <c>\n\n[Bổ sung dd/MM/yyyy] text</c>.</summary>
    public const string SupplementMarker = "\n\n[Bổ sung ";

    public const string Mask = "***";

    /// <summary>The content as the public reads and searches it: the PAKN as first sent, masked.</summary>
    public static string Of(string content)
    {
        var supplements = content.IndexOf(SupplementMarker, StringComparison.Ordinal);
        return Masked(supplements < 0 ? content : content[..supplements]);
    }

    /// <summary>The text with the numbers and addresses that point at a person masked (an answer, a rebuttal, the content for staff who may not know whose it is).</summary>
    public static string Masked(string text) =>
        EmailAddress().Replace(NumberRuns().Replace(text, m => IsAmount(text, m) ? m.Value : Mask), Mask);

    // Money in thousands followed by its unit ("150.000.000.000 đồng") is no one's number; "038.090.001.234" is an ID.
    private static bool IsAmount(string text, Match number) =>
        MoneyAmount().IsMatch(number.Value) && CurrencyAfter().IsMatch(text.AsSpan(number.Index + number.Length));

    /// <inheritdoc cref="Masked(string)"/>
    public static string? MaskedOrNull(string? text) => text is null ? null : Masked(text);

    // Nine digits or more, grouped any way people write numbers: "0912 345 678", "0912.345.678", "0912/345/678",
    // "0912_345_678", "(0237) 385 2111", "038 090 001 234".
    [GeneratedRegex(@"\(?\+?\d(?:(?:[.\-/_]|\)?\s{1,2}|\))?\d){8,}")]
    private static partial Regex NumberRuns();

    [GeneratedRegex(@"^[1-9]\d{0,2}(?:\.\d{3}){2,}$")]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"^\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|tỉ|nghìn|ngàn)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyAfter();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailAddress();
}
