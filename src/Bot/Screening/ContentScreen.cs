using System.Text.RegularExpressions;

namespace PhanHoi.Bot.Screening;

/// <summary>Why a text cannot be filed as a PAKN, as a re-prompt reason.</summary>
public static class ScreeningReasons
{
    /// <summary>A complaint or denunciation (khiếu nại, tố cáo): another law, another office (Art. 1.2).</summary>
    public const string OutOfScope = "outOfScope";

    /// <summary>A request for legal advice (Art. 1.2, 7).</summary>
    public const string LegalAdvice = "legalAdvice";

    /// <summary>Insults or incitement (Art. 7.4–7.5).</summary>
    public const string Insulting = "insulting";

    /// <summary>Advertising (Art. 7.6).</summary>
    public const string Advertising = "advertising";
}

/// <summary>
/// The checks a PAKN's text goes through before filing (SPEC §2). Deliberately conservative: a refusal explains
/// the rule and asks the citizen to write again, so a false alarm costs one message, a missed one a staff rejection.
/// </summary>
public static partial class ContentScreen
{
    // Word by word as typed (Phrases.Marked): "don khieu nai" typed bare is still "đơn khiếu nại". "tố cáo" alone only as
    // typed: bare "to cao" is as often "tall" (cây to cao ba chục mét) as "denounce".
    private static readonly Phrases Complaints = Phrases.Marked(
        "khiếu nại", "đơn khiếu nại", "tố giác", "đơn tố cáo", "muốn tố cáo", "xin tố cáo", "sẽ tố cáo", "tố cáo cán bộ", "tố cáo lãnh đạo");

    private static readonly Phrases ComplaintsAsTyped = Phrases.AsTyped("tố cáo");

    private static readonly Phrases LegalAdvice = Phrases.Folded(
        "tu van phap luat", "tu van luat", "tu van phap ly", "xin tu van", "nho tu van", "can tu van", "muon duoc tu van",
        "hoi luat su", "tu van giup", "tu van cho toi", "tu van ho");

    // Only as typed where a word typed bare is an ordinary one: "lon" is "lớn", "deo" "đeo", "mat day" "mặt đáy", "do an
    // hai" starts "đồ ăn hải sản", "bo may" is "bộ máy", "thang cho" "tháng chờ".
    private static readonly Phrases InsultsAsTyped = Phrases.AsTyped(
        "đéo", "lồn", "cặc", "mất dạy", "đồ chó", "thằng chó", "lũ chó", "đồ ăn hại", "mẹ mày", "bố mày", "cút đi");

    // Word by word as typed: bare "dit me", "oc cho" in an otherwise accented text are insults; "đồ ngủ", "vài lon" are not.
    private static readonly Phrases Insults = Phrases.Marked(
        "đồ ngu", "ngu như chó", "ngu như bò", "khốn nạn", "chó chết", "óc chó", "súc vật", "lũ ăn hại", "đụ má", "đù má", "vãi lồn",
        "địt mẹ", "địt", "địt con mẹ");

    // Abbreviations no word shares ("vl" is also "vật liệu").
    private static readonly Phrases InsultAbbreviations = Phrases.Folded("dm", "dmm", "dcm", "dcmm", "vcl", "vkl", "clgt", "djt", "dkm", "cmm");

    private static readonly Phrases AdvertisingMarkers = Phrases.Folded(
        "khuyen mai", "khuyen mai lon", "giam gia", "uu dai", "mua ngay", "dat hang", "dat mua", "lien he mua", "inbox", "ib ngay",
        "sale", "freeship", "free ship", "chi tu", "gia chi", "cho vay", "vay von", "vay tien", "lai suat thap", "giai ngan",
        "nhan order", "order ngay", "tuyen ctv", "tuyen dung", "kiem tien", "thu nhap hap dan", "chiet khau", "voucher", "ma giam gia",
        "ban buon", "gia si", "hang chinh hang", "cam ket chinh hang", "dang ky ngay", "truy cap ngay");

    /// <summary>How many advertising signals (markers, links, phone numbers) make a text an advertisement.</summary>
    public const int AdvertisingThreshold = 3;

    // A citizen reporting a flyer or spam quotes it ("tờ rơi cho vay, giải ngân trong ngày, gọi 09…"): these name the
    // advertisement as a thing, which an advertisement does not do of itself. Words any text may hold ("phản ánh",
    // "lừa đảo": "uy tín, không lừa đảo" is spam's own) are not among them. Reception reads what passes and can reject it.
    private static readonly Phrases ReportsAdvertising = Phrases.Marked(
        "tờ rơi", "rao vặt", "dán quảng cáo", "quảng cáo trái phép", "tín dụng đen", "tin nhắn rác", "cuộc gọi rác", "tin rác");

    /// <summary>The first reason the text cannot be filed, or null when it may be.</summary>
    public static string? Check(string? text)
    {
        if (Complaints.AnyIn(text) || ComplaintsAsTyped.AnyIn(text))
        {
            return ScreeningReasons.OutOfScope;
        }

        if (LegalAdvice.AnyIn(text))
        {
            return ScreeningReasons.LegalAdvice;
        }

        if (IsInsulting(text))
        {
            return ScreeningReasons.Insulting;
        }

        return IsAdvertising(text) ? ScreeningReasons.Advertising : null;
    }

    /// <summary>Only the acceptability rules (Art. 7.4–7.6): insults and advertising, e.g. for a rebuttal.</summary>
    public static string? CheckAcceptable(string? text) =>
        IsInsulting(text) ? ScreeningReasons.Insulting
        : IsAdvertising(text) ? ScreeningReasons.Advertising
        : null;

    private static bool IsAdvertising(string? text) => AdvertisingSignals(text) >= AdvertisingThreshold && !ReportsAdvertising.AnyIn(text);

    private static bool IsInsulting(string? text) => InsultAbbreviations.AnyIn(text) || InsultsAsTyped.AnyIn(text) || Insults.AnyIn(text);

    internal static int AdvertisingSignals(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return AdvertisingMarkers.FoundIn(text).Count()
            + (Link().IsMatch(text) ? 1 : 0)
            + (PhoneNumber().IsMatch(text) ? 1 : 0);
    }

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(com|vn|net|shop|xyz|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\+84|\b0)(\d[ .]?){8,10}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
