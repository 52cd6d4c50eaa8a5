using System.Diagnostics;
using System.Globalization;
using PhanHoi.Bot.Workflow.Calendar;

namespace PhanHoi.Bot.Workflow.Tests.Calendar;

public sealed class WorkingDayCalendarTests : IDisposable
{
    private readonly WorkingDayCalendar _calendar = new();

    public void Dispose() => _calendar.Dispose();

    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Tết Bính Ngọ 2026: off Sat 14/02 – Sun 22/02.
    [InlineData("2026-02-12", 2, "2026-02-23")] // Thu: Fri 13/02, then Mon 23/02
    [InlineData("2026-02-12", 10, "2026-03-05")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-02-13", 10, "2026-03-06")]
    // 30/4 – 1/5 2026 (Thu, Fri).
    [InlineData("2026-04-29", 2, "2026-05-05")]
    [InlineData("2026-04-29", 10, "2026-05-15")]
    // Giỗ Tổ 2026 on Sunday 26/04: Monday 27/04 off in compensation.
    [InlineData("2026-04-24", 1, "2026-04-28")]
    // 30/4 – 4/5 2025 with Friday 02/05 swapped for Saturday 26/04.
    [InlineData("2025-04-25", 2, "2025-04-28")] // Sat 26/04 is worked
    [InlineData("2025-04-25", 10, "2025-05-13")]
    // Quốc khánh 2026: off Sat 29/08 – Wed 02/09, Saturday 22/08 worked.
    [InlineData("2026-08-21", 2, "2026-08-24")]
    [InlineData("2026-08-28", 2, "2026-09-04")]
    [InlineData("2026-08-28", 5, "2026-09-09")]
    // Quốc khánh 2025: off Sat 30/08 – Tue 02/09.
    [InlineData("2025-08-29", 2, "2025-09-04")]
    // Tết Dương lịch 2026: off Thu 01/01 – Sun 04/01, Saturday 10/01 worked.
    [InlineData("2025-12-31", 2, "2026-01-06")]
    [InlineData("2026-01-09", 1, "2026-01-10")]
    public void Deadline_counts_working_days_after_the_event_Civil_Code_Art147(string eventDate, int days, string deadline)
    {
        Assert.Equal(D(deadline), _calendar.AddWorkingDays(D(eventDate), days));
    }

    [Theory]
    [InlineData("2026-03-07", 1, "2026-03-09")] // submitted on a Saturday
    [InlineData("2026-03-08", 2, "2026-03-10")] // submitted on a Sunday
    [InlineData("2026-02-17", 2, "2026-02-24")] // submitted on mùng 1 Tết
    [InlineData("2026-03-07", 0, "2026-03-09")] // zero days still lands on a working day (Art. 148)
    [InlineData("2026-03-09", 0, "2026-03-09")]
    public void Event_on_a_day_off_counts_from_the_next_day(string eventDate, int days, string deadline)
    {
        Assert.Equal(D(deadline), _calendar.AddWorkingDays(D(eventDate), days));
    }

    [Theory]
    [InlineData("2026-01-10", true)] // make-up Saturday
    [InlineData("2026-08-22", true)] // make-up Saturday
    [InlineData("2025-04-26", true)] // make-up Saturday
    [InlineData("2026-01-17", false)] // ordinary Saturday
    [InlineData("2026-01-02", false)] // swapped Friday
    [InlineData("2026-08-31", false)] // swapped Monday
    [InlineData("2026-04-27", false)] // compensation Monday
    [InlineData("2030-02-04", false)] // mùng 3 Tết 2030 by the Vietnamese calendar
    [InlineData("2037-04-24", false)] // Giỗ Tổ 2037 (Friday; China says Saturday 25/04)
    [InlineData("2037-04-27", true)] // so no Monday compensation as ChineseLunisolarCalendar would imply
    [InlineData("2026-03-09", true)]
    public void Working_days_follow_holidays_swaps_and_make_up_Saturdays(string date, bool working)
    {
        Assert.Equal(working, _calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Configured_extra_holiday_moves_a_deadline()
    {
        using var calendar = new WorkingDayCalendar(new CalendarOptions { Holidays = ["2026-03-02"] });

        Assert.False(calendar.IsWorkingDay(D("2026-03-02")));
        Assert.Equal(D("2026-03-06"), calendar.AddWorkingDays(D("2026-02-12"), 10));
    }

    [Fact]
    public void Configured_working_weekend_is_counted()
    {
        using var calendar = new WorkingDayCalendar(new CalendarOptions { WorkingWeekends = ["2026-03-07"] });

        Assert.True(calendar.IsWorkingDay(D("2026-03-07")));
        Assert.Equal(D("2026-03-07"), calendar.AddWorkingDays(D("2026-03-06"), 1));
    }

    [Fact]
    public void Configuration_outranks_the_built_in_notices()
    {
        using var calendar = new WorkingDayCalendar(new CalendarOptions
        {
            Holidays = ["2026-01-10"], // make-up Saturday cancelled
            WorkingWeekends = ["2026-01-02"], // swap cancelled
        });

        Assert.False(calendar.IsWorkingDay(D("2026-01-10")));
        Assert.True(calendar.IsWorkingDay(D("2026-01-02")));
    }

    [Fact]
    public void Deadlines_are_working_days_and_count_back_to_their_length()
    {
        var random = new Random(20260217);
        for (var i = 0; i < 5_000; i++)
        {
            var eventDate = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 365 * 12));
            var days = random.Next(1, 40);

            var deadline = _calendar.AddWorkingDays(eventDate, days);

            Assert.True(_calendar.IsWorkingDay(deadline));
            Assert.Equal(days, _calendar.WorkingDaysBetween(eventDate, deadline));
            Assert.Equal(days - 1, _calendar.WorkingDaysBetween(eventDate, deadline.AddDays(-1)));
        }
    }

    [Fact]
    public void Working_days_between_matches_counting_day_by_day()
    {
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var from = new DateOnly(1990, 1, 1).AddDays(random.Next(0, 365 * 110));
            var to = from.AddDays(random.Next(-10, i % 10 == 0 ? 3_000 : 200));

            var expected = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                expected += _calendar.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.True(expected == _calendar.WorkingDaysBetween(from, to), $"{from}..{to}");
        }
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-13", 0)]
    [InlineData("2026-02-23", "2026-02-13", 0)] // to before from
    [InlineData("2026-02-13", "2026-02-23", 1)] // across the whole Tết break
    [InlineData("2025-12-31", "2026-12-31", 250)] // 2026: 261 weekdays − 13 weekdays off + 2 make-up Saturdays
    public void Working_days_between_excludes_from_and_includes_to(string from, string to, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void Counting_is_fast_enough_for_statistics_over_many_cases()
    {
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 200_000)
            .Select(_ => new DateOnly(2024, 1, 1).AddDays(random.Next(0, 900)))
            .Select(from => (from, to: from.AddDays(random.Next(0, 60))))
            .ToArray();
        _calendar.WorkingDaysBetween(new DateOnly(2023, 12, 31), new DateOnly(2027, 1, 1)); // build the tables

        var stopwatch = Stopwatch.StartNew();
        long total = 0;
        foreach (var (from, to) in pairs)
        {
            total += _calendar.WorkingDaysBetween(from, to);
        }

        stopwatch.Stop();
        Assert.True(total > 0);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"200k counts took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Tables_built_concurrently_give_the_same_answers()
    {
        using var fresh = new WorkingDayCalendar();
        var dates = Enumerable.Range(0, 4_000).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToArray();

        var concurrent = new bool[dates.Length];
        Parallel.For(0, dates.Length, i => concurrent[i] = fresh.IsWorkingDay(dates[i]));

        Assert.Equal(dates.Select(_calendar.IsWorkingDay), concurrent);
    }

    [Fact]
    public void The_first_and_last_supported_years_can_be_counted()
    {
        // 1900: 261 weekdays − 1/1 − 5 Tết − Giỗ Tổ − 30/4 − 1/5 − 2/9 (no adjacent day before the 2019 Code).
        // 1/1 is excluded from the count as the "from" day and is a holiday anyway.
        Assert.Equal(251, _calendar.WorkingDaysBetween(new DateOnly(1900, 1, 1), new DateOnly(1900, 12, 31)));
        Assert.True(_calendar.WorkingDaysBetween(new DateOnly(2199, 1, 1), new DateOnly(2199, 12, 31)) > 240);
    }

    [Fact]
    public void Dates_outside_the_supported_years_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(new DateOnly(1850, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.WorkingDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2300, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(2026, 1, 1), -1));
    }
}
