namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar by Hồ Ngọc Đức's algorithm computed for 105°E (UTC+7), as SPEC §3 requires.
/// .NET's <see cref="System.Globalization.ChineseLunisolarCalendar"/> computes for UTC+8 and gives a different Tết in
/// 1985, 2007 and 2030 and a different Giỗ Tổ in 2037 and 2038 (DOMAIN §2.5), so it must not be used for holidays.
/// Rules: a month starts on the day holding the new moon; the winter solstice falls in month 11; in a 13-month year
/// the first month after month 11 without a principal solar term is the leap month.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>First and last lunar/solar year the conversions accept (HND published tables for 1800–2199).</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2199;

    private const double TimeZoneHours = 7;
    private const double SynodicMonth = 29.530588853;
    private const double FirstNewMoonJulianDate = 2415021.076998695;

    public static LunarDate ToLunar(DateOnly date)
    {
        if (date.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Supported years are {MinYear}–{MaxYear}.");
        }

        var dayNumber = LunarAstronomy.JulianDayNumber(date);
        var k = (int)Math.Floor((dayNumber - FirstNewMoonJulianDate) / SynodicMonth) + 1;
        var monthStart = NewMoonDay(k);

        // HND's published code steps back only once; a loop cannot leave a "day 0" (DOMAIN §2.4 caveat).
        while (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(--k);
        }

        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = (monthStart - a11) / 29;
        var isLeap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapMonthDiff = LeapMonthOffset(a11);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                isLeap = diff == leapMonthDiff;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarYear, lunarMonth, lunarDay, isLeap);
    }

    /// <summary>The solar date of a lunar date; throws if the date does not exist (no such leap month, day 30 of a 29-day month).</summary>
    public static DateOnly ToSolar(LunarDate lunar) =>
        TryToSolar(lunar, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "No such day in the Vietnamese lunar calendar.");

    public static bool TryToSolar(LunarDate lunar, out DateOnly date)
    {
        date = default;
        if (lunar.Year is < MinYear or > MaxYear || lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30)
        {
            return false;
        }

        if (!TryMonthStart(lunar.Year, lunar.Month, lunar.IsLeapMonth, out var monthStart, out var nextMonthStart))
        {
            return false;
        }

        var dayNumber = monthStart + lunar.Day - 1;
        if (dayNumber >= nextMonthStart)
        {
            return false;
        }

        date = LunarAstronomy.FromJulianDayNumber(dayNumber);
        return true;
    }

    /// <summary>29 or 30; 0 when the month does not exist (a leap month in a year without one).</summary>
    public static int DaysInMonth(int year, int month, bool isLeapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return TryMonthStart(year, month, isLeapMonth, out var start, out var next) ? next - start : 0;
    }

    /// <summary>The leap month of a lunar year (1–12), or null in a 12-month year.</summary>
    public static int? LeapMonth(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        for (var month = 1; month <= 12; month++)
        {
            if (TryMonthStart(year, month, isLeapMonth: true, out _, out _))
            {
                return month;
            }
        }

        return null;
    }

    private static bool TryMonthStart(int year, int month, bool isLeapMonth, out int monthStart, out int nextMonthStart)
    {
        monthStart = nextMonthStart = 0;
        int a11, b11;
        if (month < 11)
        {
            a11 = LunarMonth11(year - 1);
            b11 = LunarMonth11(year);
        }
        else
        {
            a11 = LunarMonth11(year);
            b11 = LunarMonth11(year + 1);
        }

        var offset = month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (isLeapMonth && month != leapMonth)
            {
                return false;
            }

            if (isLeapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (isLeapMonth)
        {
            return false;
        }

        var k = (int)Math.Floor(0.5 + ((a11 - FirstNewMoonJulianDate) / SynodicMonth));
        monthStart = NewMoonDay(k + offset);
        nextMonthStart = NewMoonDay(k + offset + 1);
        return true;
    }

    /// <summary>Julian day number of the local (UTC+7) day holding the k-th new moon.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(LunarAstronomy.NewMoon(k) + 0.5 + (TimeZoneHours / 24));

    /// <summary>Which 30° sector (0–11) the sun is in at the start of the local day: sector changes are principal terms.</summary>
    private static int SunLongitudeSector(int dayNumber) =>
        (int)Math.Floor(LunarAstronomy.SunLongitude(dayNumber - 0.5 - (TimeZoneHours / 24)) / Math.PI * 6);

    /// <summary>First day of the lunar month holding the winter solstice of solar year <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = LunarAstronomy.JulianDayNumber(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>Months after month 11 (starting on <paramref name="a11"/>) until the first month without a principal term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - FirstNewMoonJulianDate) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);

        return i - 1;
    }
}
