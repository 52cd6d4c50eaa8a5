namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// Official civil-service breaks already announced (DOMAIN §2.3). Later notices are added here on release, or
/// before that through configuration (<c>Calendar:Holidays</c>, <c>Calendar:WorkingWeekends</c>).
/// </summary>
public static class AnnouncedHolidayNotices
{
    public static IReadOnlyList<HolidayNotice> All { get; } =
    [
        // 2025 [S30][S31]
        Notice(2025, HolidayOccasion.NewYearsDay, "2025-01-01", "2025-01-01", [], "2025 holiday schedule (DOMAIN §2.3 [S30])"),
        Notice(2025, HolidayOccasion.LunarNewYear, "2025-01-25", "2025-02-02", [], "2025 holiday schedule (DOMAIN §2.3 [S30]): 26th of the 12th month to the 5th of the 1st"),
        Notice(2025, HolidayOccasion.HungKingsCommemoration, "2025-04-05", "2025-04-07", [], "2025 holiday schedule (DOMAIN §2.3 [S30])"),
        Notice(2025, HolidayOccasion.ReunificationDay, "2025-04-30", "2025-05-04", ["2025-04-26"], "VietnamPlus (DOMAIN §2.3 [S31]): Fri 02/05 swapped with Sat 26/04"),
        Notice(2025, HolidayOccasion.InternationalLabourDay, "2025-05-01", "2025-05-01", [], "VietnamPlus (DOMAIN §2.3 [S31])"),
        Notice(2025, HolidayOccasion.NationalDay, "2025-08-30", "2025-09-02", [], "2025 holiday schedule (DOMAIN §2.3 [S30]): adjacent day Mon 01/09"),

        // 2026 [S32a][S32b][S32c]
        Notice(2026, HolidayOccasion.NewYearsDay, "2026-01-01", "2026-01-04", ["2026-01-10"], "VPCP letter 12729/VPCP-KGVX of 25/12/2025 (DOMAIN §2.3 [S32b]): Fri 02/01 swapped with Sat 10/01"),
        Notice(2026, HolidayOccasion.LunarNewYear, "2026-02-14", "2026-02-22", [], "Approved by the Prime Minister (DOMAIN §2.3 [S32a]): 27th of the 12th month to the 6th of the 1st"),
        Notice(2026, HolidayOccasion.HungKingsCommemoration, "2026-04-25", "2026-04-27", [], "DOMAIN §2.3 [S32c]: 10/3 lunar is a Sunday, compensation Mon 27/04"),
        Notice(2026, HolidayOccasion.ReunificationDay, "2026-04-30", "2026-05-03", [], "DOMAIN §2.3 [S32c]"),
        Notice(2026, HolidayOccasion.InternationalLabourDay, "2026-05-01", "2026-05-01", [], "DOMAIN §2.3 [S32c]"),
        Notice(2026, HolidayOccasion.NationalDay, "2026-08-29", "2026-09-02", ["2026-08-22"], "Approved by the Prime Minister (DOMAIN §2.3 [S32a]): Mon 31/08 swapped with Sat 22/08; adjacent day Tue 01/09"),
    ];

    private static HolidayNotice Notice(
        int year, HolidayOccasion occasion, string first, string last, string[] makeUpDays, string source) =>
        new(year, occasion, DateOnly.ParseExact(first, "yyyy-MM-dd"), DateOnly.ParseExact(last, "yyyy-MM-dd"),
            [.. makeUpDays.Select(day => DateOnly.ParseExact(day, "yyyy-MM-dd"))], source);
}
