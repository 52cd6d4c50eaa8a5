using System.Globalization;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    /// <summary>Mùng 1 Tết (1/1 lunar) as published in Vietnamese calendars; 2030 is the year China differs.</summary>
    public static TheoryData<int, string> TetDates => new()
    {
        { 2020, "2020-01-25" },
        { 2021, "2021-02-12" },
        { 2022, "2022-02-01" },
        { 2023, "2023-01-22" },
        { 2024, "2024-02-10" },
        { 2025, "2025-01-29" },
        { 2026, "2026-02-17" },
        { 2027, "2027-02-06" },
        { 2028, "2028-01-26" },
        { 2029, "2029-02-13" },
        { 2030, "2030-02-02" },
        { 2031, "2031-01-23" },
        { 2032, "2032-02-11" },
        { 2033, "2033-01-31" },
        { 2034, "2034-02-19" },
        { 2035, "2035-02-08" },
    };

    [Theory]
    [MemberData(nameof(TetDates))]
    public void Tet_is_the_first_day_of_the_first_lunar_month_at_UTC7(int year, string expected)
    {
        var tet = DateOnly.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(tet, VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1)));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.ToLunar(tet));
        Assert.Equal(12, VietnameseLunarCalendar.ToLunar(tet.AddDays(-1)).Month);
        Assert.Equal(year - 1, VietnameseLunarCalendar.ToLunar(tet.AddDays(-1)).Year);

        // An independent witness for the table: China's calendar agrees in every one of these years but 2030.
        var chinese = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(year, 1, 1, 0, 0, 0, 0));
        Assert.Equal(year != 2030, chinese == tet);
    }

    /// <summary>DOMAIN §2.5: the dates where the Vietnamese calendar (UTC+7) and China's (UTC+8) disagree.</summary>
    public static TheoryData<string, int, int, int, string, string> DatesWhereChinaDiffers => new()
    {
        { "Tết 1985 (a whole month apart)", 1985, 1, 1, "1985-01-21", "1985-02-20" },
        { "Tết 2007", 2007, 1, 1, "2007-02-17", "2007-02-18" },
        { "Tết 2030", 2030, 1, 1, "2030-02-02", "2030-02-03" },
        { "Giỗ Tổ 2037", 2037, 3, 10, "2037-04-24", "2037-04-25" },
        { "Giỗ Tổ 2038", 2038, 3, 10, "2038-04-13", "2038-04-14" },
    };

    [Theory]
    [MemberData(nameof(DatesWhereChinaDiffers))]
    public void Lunar_holidays_follow_Vietnam_not_ChineseLunisolarCalendar(
        string occasion, int lunarYear, int lunarMonth, int lunarDay, string vietnamese, string chinese)
    {
        var expected = DateOnly.Parse(vietnamese, CultureInfo.InvariantCulture);

        var ours = VietnameseLunarCalendar.ToSolar(new LunarDate(lunarYear, lunarMonth, lunarDay));

        Assert.True(expected == ours, occasion);
        Assert.Equal(new LunarDate(lunarYear, lunarMonth, lunarDay), VietnameseLunarCalendar.ToLunar(expected));
        var dotnet = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(lunarYear, lunarMonth, lunarDay, 0, 0, 0, 0));
        Assert.Equal(DateOnly.Parse(chinese, CultureInfo.InvariantCulture), dotnet);
        Assert.NotEqual(ours, dotnet);
    }

    [Theory]
    [InlineData("2025-04-07", 2025, 3, 10, false)] // Giỗ Tổ 2025 (DOMAIN §2.3)
    [InlineData("2026-04-26", 2026, 3, 10, false)] // Giỗ Tổ 2026, a Sunday
    [InlineData("2025-01-25", 2024, 12, 26, false)] // 26 Chạp Giáp Thìn: first day of the 2025 Tết break
    [InlineData("2026-02-14", 2025, 12, 27, false)] // 27 Chạp Ất Tỵ: first day of the 2026 Tết break
    [InlineData("2026-02-16", 2025, 12, 29, false)] // last day of Ất Tỵ (a 29-day Chạp)
    [InlineData("2031-04-21", 2031, 3, 1, true)] // leap 3rd month 2031 (China: 22/04)
    [InlineData("2023-03-22", 2023, 2, 1, true)] // leap 2nd month 2023
    [InlineData("2025-07-25", 2025, 6, 1, true)] // leap 6th month 2025
    [InlineData("2034-09-26", 2034, 8, 15, false)] // Trung thu 2034 (China: 27/09)
    [InlineData("2020-12-14", 2020, 11, 1, false)] // 11th month 2020 (China: 15/12)
    public void Known_dates_convert_both_ways(string solar, int year, int month, int day, bool leap)
    {
        var date = DateOnly.Parse(solar, CultureInfo.InvariantCulture);
        var lunar = new LunarDate(year, month, day, leap);

        Assert.Equal(lunar, VietnameseLunarCalendar.ToLunar(date));
        Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2031, 3)]
    [InlineData(2026, null)]
    [InlineData(2030, null)]
    public void Leap_month_of_a_lunar_year(int year, int? leapMonth) =>
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));

    [Fact]
    public void Every_day_1990_to_2100_round_trips_with_days_in_sequence()
    {
        var previous = VietnameseLunarCalendar.ToLunar(new DateOnly(1989, 12, 31));
        for (var date = new DateOnly(1990, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(date);

            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                Assert.True(previous.Month != lunar.Month || (!previous.IsLeapMonth && lunar.IsLeapMonth), $"{date}");
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }
    }

    [Theory]
    [InlineData(2026, 2, true)] // 2026 has no leap month
    [InlineData(2031, 4, true)] // 2031's leap month is the 3rd
    public void A_leap_month_that_does_not_exist_has_no_solar_date(int year, int month, bool leap)
    {
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(year, month, 1, leap), out _));
        Assert.Equal(0, VietnameseLunarCalendar.DaysInMonth(year, month, leap));
    }

    [Fact]
    public void Day_30_of_a_29_day_month_has_no_solar_date()
    {
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2025, 12, 30), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 12, 30)));
    }

    [Fact]
    public void Dates_outside_the_supported_years_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(1850, 1, 1)));
}
