namespace PhanHoi.Bot.Workflow.Calendar;

/// <summary>
/// Vietnam's public holidays for the civil service: Labor Code 2019 Art. 112(1) days, the next working day off when
/// one falls on a weekend (Art. 111(3)), and announced notices replacing the computed days of their occasion.
/// </summary>
/// <remarks>
/// The Prime Minister fixes each year which 5 Tết days and which day next to 2/9 are taken. Until a notice is known the
/// computed defaults are: for Tết, the last day of the old lunar year and the 1st–4th of the new one (the 2026 pattern);
/// for Quốc khánh, 3/9 when 2/9 is a Monday or Thursday (it bridges to the weekend) and 1/9 otherwise (2025, 2026).
/// The 2019 Code's rules are applied to every year except that 2/9 had no adjacent day before the Code took effect (2021).
/// </remarks>
public sealed class VietnamHolidays
{
    private readonly Dictionary<(int Year, HolidayOccasion Occasion), HolidayNotice> _notices;
    private readonly Dictionary<int, HolidayNotice[]> _noticesTouchingYear;

    public VietnamHolidays(IEnumerable<HolidayNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        _notices = [];
        foreach (var notice in notices)
        {
            if (notice.LastDayOff < notice.FirstDayOff)
            {
                throw new ArgumentException($"The {notice.Year} {notice.Occasion} notice ends before it starts.", nameof(notices));
            }

            if (!_notices.TryAdd((notice.Year, notice.Occasion), notice))
            {
                throw new ArgumentException($"Two notices for {notice.Occasion} {notice.Year}.", nameof(notices));
            }
        }

        // A notice can reach into a neighbouring year (e.g. a New Year break starting on 31/12).
        _noticesTouchingYear = _notices.Values
            .SelectMany(notice => notice.DaysOff().Concat(notice.MakeUpWorkingDays).Select(day => (day.Year, notice)))
            .Distinct()
            .GroupBy(pair => pair.Year, pair => pair.notice)
            .ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>The Labor Code rules with the officially announced notices (<see cref="AnnouncedHolidayNotices"/>).</summary>
    public static VietnamHolidays Official { get; } = new(AnnouncedHolidayNotices.All);

    /// <summary>The Labor Code rules alone, no announced notice.</summary>
    public static VietnamHolidays Statutory { get; } = new([]);

    public IReadOnlyCollection<HolidayNotice> Notices => _notices.Values;

    public HolidayYear ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, VietnameseLunarCalendar.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, VietnameseLunarCalendar.MaxYear);

        var daysOff = new Dictionary<DateOnly, PublicHoliday>();
        var makeUpDays = new SortedSet<DateOnly>();
        foreach (var notice in _noticesTouchingYear.GetValueOrDefault(year, []))
        {
            foreach (var day in notice.DaysOff().Where(day => day.Year == year))
            {
                daysOff.TryAdd(day, new PublicHoliday(day, notice.Occasion, HolidayKind.Announced));
            }

            makeUpDays.UnionWith(notice.MakeUpWorkingDays.Where(day => day.Year == year));
        }

        var computed = StatutoryDays(year)
            .Where(holiday => !_notices.ContainsKey((year, holiday.Occasion)))
            .OrderBy(holiday => holiday.Date) // a leap 1st/2nd month can push Giỗ Tổ past 30/4
            .ToList();
        foreach (var holiday in computed)
        {
            daysOff.TryAdd(holiday.Date, holiday);
        }

        foreach (var holiday in computed.Where(holiday => IsWeekend(holiday.Date)))
        {
            var compensation = NextWeekdayNotOff(holiday.Date, daysOff);
            daysOff.Add(compensation, new PublicHoliday(compensation, holiday.Occasion, HolidayKind.Compensation));
        }

        return new HolidayYear(year, [.. daysOff.Values.OrderBy(holiday => holiday.Date)], [.. makeUpDays]);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The Art. 112(1) days of a solar year in date order (lunar ones by the Vietnamese calendar).</summary>
    private static IEnumerable<PublicHoliday> StatutoryDays(int year)
    {
        yield return Day(new DateOnly(year, 1, 1), HolidayOccasion.NewYearsDay);

        // Mùng 1 Tết of lunar year N always falls in solar year N (21/01–20/02).
        var tet = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1));
        for (var offset = -1; offset <= 3; offset++)
        {
            yield return Day(tet.AddDays(offset), HolidayOccasion.LunarNewYear);
        }

        yield return Day(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), HolidayOccasion.HungKingsCommemoration);
        yield return Day(new DateOnly(year, 4, 30), HolidayOccasion.ReunificationDay);
        yield return Day(new DateOnly(year, 5, 1), HolidayOccasion.InternationalLabourDay);

        var nationalDay = new DateOnly(year, 9, 2);
        if (year >= 2021)
        {
            var adjacent = nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday
                ? nationalDay.AddDays(1)
                : nationalDay.AddDays(-1);
            if (adjacent < nationalDay)
            {
                yield return Day(adjacent, HolidayOccasion.NationalDay);
            }

            yield return Day(nationalDay, HolidayOccasion.NationalDay);
            if (adjacent > nationalDay)
            {
                yield return Day(adjacent, HolidayOccasion.NationalDay);
            }
        }
        else
        {
            yield return Day(nationalDay, HolidayOccasion.NationalDay);
        }

        static PublicHoliday Day(DateOnly date, HolidayOccasion occasion) => new(date, occasion, HolidayKind.Statutory);
    }

    private static DateOnly NextWeekdayNotOff(DateOnly date, Dictionary<DateOnly, PublicHoliday> daysOff)
    {
        var candidate = date.AddDays(1);
        while (IsWeekend(candidate) || daysOff.ContainsKey(candidate))
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }
}
