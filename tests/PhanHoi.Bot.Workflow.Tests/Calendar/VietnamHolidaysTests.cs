using System.Globalization;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Tests.Calendar;

public sealed class VietnamHolidaysTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>DOMAIN §2.3, typed in from the table independently of the built-in notices.</summary>
    public static TheoryData<int, string[], string[]> OfficialCivilServiceYears => new()
    {
        {
            2025,
            ["2025-01-01..2025-01-01", "2025-01-25..2025-02-02", "2025-04-05..2025-04-07", "2025-04-30..2025-05-04", "2025-08-30..2025-09-02"],
            ["2025-04-26"]
        },
        {
            2026,
            ["2026-01-01..2026-01-04", "2026-02-14..2026-02-22", "2026-04-25..2026-04-27", "2026-04-30..2026-05-03", "2026-08-29..2026-09-02"],
            ["2026-01-10", "2026-08-22"]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialCivilServiceYears))]
    public void Every_day_of_the_year_matches_the_official_civil_service_notices(int year, string[] breaks, string[] makeUpSaturdays)
    {
        using var calendar = new WorkingDayCalendar();
        var daysOff = breaks
            .Select(range => range.Split(".."))
            .SelectMany(range => Days(D(range[0]), D(range[1])))
            .ToHashSet();
        var makeUp = makeUpSaturdays.Select(D).ToHashSet();

        foreach (var date in Days(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
        {
            var expected = makeUp.Contains(date) || (!IsWeekend(date) && !daysOff.Contains(date));
            Assert.True(expected == calendar.IsWorkingDay(date), $"{date:yyyy-MM-dd ddd}: expected working={expected}");
        }
    }

    [Theory]
    [InlineData(2025, 1 + 9 + 3 + 5 + 4)]
    [InlineData(2026, 4 + 9 + 3 + 4 + 5)]
    public void In_announced_years_only_announced_breaks_count_no_computed_day_leaks_in(int year, int expectedDaysOffIncludingWeekends)
    {
        var holidays = VietnamHolidays.Official.ForYear(year);

        Assert.Equal(expectedDaysOffIncludingWeekends, holidays.DaysOff.Count);
        Assert.All(holidays.DaysOff, holiday => Assert.Equal(HolidayKind.Announced, holiday.Kind));
    }

    [Fact]
    public void The_2025_Tet_notice_replaces_the_computed_Tet_days()
    {
        // Computed: last day of Giáp Thìn (28/01) + mùng 1–4, Sat 01/02 compensated on Mon 03/02.
        var computed = VietnamHolidays.Statutory.ForYear(2025);
        Assert.Contains(new PublicHoliday(D("2025-02-03"), HolidayOccasion.LunarNewYear, HolidayKind.Compensation), computed.DaysOff);

        // Announced: 26 Chạp – mùng 5, back at work on Mon 03/02, while Mon 27/01 is off.
        using var calendar = new WorkingDayCalendar();
        Assert.True(calendar.IsWorkingDay(D("2025-02-03")));
        Assert.False(calendar.IsWorkingDay(D("2025-01-27")));
    }

    [Fact]
    public void Hung_Kings_day_on_a_Sunday_gives_the_Monday_off_Art111()
    {
        var computed = VietnamHolidays.Statutory.ForYear(2026);

        Assert.Contains(new PublicHoliday(D("2026-04-26"), HolidayOccasion.HungKingsCommemoration, HolidayKind.Statutory), computed.DaysOff);
        Assert.Contains(new PublicHoliday(D("2026-04-27"), HolidayOccasion.HungKingsCommemoration, HolidayKind.Compensation), computed.DaysOff);
    }

    [Theory]
    [InlineData(2022, new[] { "2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03" })] // 1/1 Sat; Giỗ Tổ Sun 10/4; 30/4 Sat, 1/5 Sun
    [InlineData(2023, new[] { "2023-01-02", "2023-01-26", "2023-01-27", "2023-05-02", "2023-05-03", "2023-09-04" })] // 1/1 Sun; Tết 21–22/01 Sat–Sun; Giỗ Tổ Sat 29/4, 30/4 Sun; 2/9 Sat
    [InlineData(2027, new[] { "2027-02-10", "2027-02-11", "2027-05-03" })] // Tết: mùng 1 Sat 06/02, mùng 2 Sun; 1/5 Sat
    [InlineData(2029, new[] { "2029-09-03", "2029-09-04" })] // Quốc khánh: 1/9 Sat, 2/9 Sun
    public void Holidays_on_a_weekend_give_the_next_working_days_off(int year, string[] compensationDays)
    {
        var compensation = VietnamHolidays.Statutory.ForYear(year).DaysOff
            .Where(holiday => holiday.Kind == HolidayKind.Compensation)
            .Select(holiday => holiday.Date);

        Assert.Equal(compensationDays.Select(D), compensation);
    }

    [Theory]
    [InlineData(2024, "2024-09-03")] // Monday 2/9: Tuesday
    [InlineData(2025, "2025-09-01")] // Tuesday 2/9: Monday (as announced)
    [InlineData(2026, "2026-09-01")] // Wednesday 2/9: Tuesday (as announced)
    [InlineData(2027, "2027-09-03")] // Thursday 2/9: Friday
    [InlineData(2028, "2028-09-01")] // Saturday 2/9: Friday
    public void National_Day_has_one_adjacent_day_off(int year, string adjacent)
    {
        var nationalDay = VietnamHolidays.Statutory.ForYear(year).DaysOff
            .Where(holiday => holiday is { Occasion: HolidayOccasion.NationalDay, Kind: HolidayKind.Statutory })
            .Select(holiday => holiday.Date);

        Assert.Equal(new[] { new DateOnly(year, 9, 2), D(adjacent) }.Order(), nationalDay);
    }

    [Fact]
    public void Without_notices_every_year_gets_the_eleven_statutory_weekdays_off_Art112()
    {
        for (var year = 2021; year <= 2100; year++)
        {
            var holidays = VietnamHolidays.Statutory.ForYear(year);
            var hungKings = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10));
            var coincidences = hungKings == new DateOnly(year, 4, 30) || hungKings == new DateOnly(year, 5, 1) ? 1 : 0;

            var weekdaysOff = holidays.DaysOff.Count(holiday => !IsWeekend(holiday.Date));

            Assert.True(11 - coincidences == weekdaysOff, $"{year}: {weekdaysOff} weekdays off");
            Assert.Equal(5, holidays.DaysOff.Count(h => h.Occasion == HolidayOccasion.LunarNewYear && !IsWeekend(h.Date)));
        }
    }

    [Fact]
    public void Tet_break_covers_the_last_day_of_the_old_year_and_the_first_four_of_the_new()
    {
        var tet = VietnamHolidays.Statutory.ForYear(2030).DaysOff
            .Where(holiday => holiday is { Occasion: HolidayOccasion.LunarNewYear, Kind: HolidayKind.Statutory })
            .Select(holiday => holiday.Date);

        // Vietnamese Tết 2030 is Sat 02/02 (China: 03/02).
        Assert.Equal(Days(D("2030-02-01"), D("2030-02-05")), tet);
    }

    [Fact]
    public void A_notice_reaching_into_the_previous_year_is_applied_there()
    {
        var notice = new HolidayNotice(2023, HolidayOccasion.NewYearsDay, D("2022-12-31"), D("2023-01-02"), [D("2022-12-24")], "test");
        var holidays = new VietnamHolidays([notice]);

        Assert.True(holidays.ForYear(2022).IsDayOff(D("2022-12-31")));
        Assert.True(holidays.ForYear(2022).IsMakeUpWorkingDay(D("2022-12-24")));
        Assert.True(holidays.ForYear(2023).IsDayOff(D("2023-01-02")));
    }

    [Fact]
    public void Two_notices_for_the_same_occasion_and_year_are_refused()
    {
        var notice = new HolidayNotice(2027, HolidayOccasion.NationalDay, D("2027-09-02"), D("2027-09-05"), [], "test");

        Assert.Throws<ArgumentException>(() => new VietnamHolidays([notice, notice with { Source = "other" }]));
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
