using System.Collections.Frozen;

namespace PhanHoi.Bot.Workflow.Citizens;

/// <summary>
/// The 63 province codes of Circular 07/2016/TT-BCA (DOMAIN §3.2) that open a personal identification number.
/// Numbers keep their code after the 2025 merger into 34 provinces, so all legacy codes stay valid.
/// Codes for births registered abroad were not available and are not accepted.
/// </summary>
internal static class BirthRegistrationProvinces
{
    public static FrozenSet<string> Codes { get; } = new[]
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    }.ToFrozenSet(StringComparer.Ordinal);
}
