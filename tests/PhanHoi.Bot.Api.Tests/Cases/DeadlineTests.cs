using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Cases;

public sealed class DeadlineTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Deadlines_skip_the_Tet_2026_holiday_and_show_local_time(Store store)
    {
        var thursdayBeforeTet = new DateTimeOffset(2026, 2, 12, 9, 0, 0, TimeSpan.FromHours(7));
        using var host = await ApiHost.StartAsync(store, thursdayBeforeTet);
        var reception = await host.LoginAsync("tiepnhan");

        var created = await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)));
        var accepted = await StaffApi.ActAsync(reception, created.Code(), "accept", new { agencyCode = "SXD" });

        // Fri 13/02 is day 1; 14–22/02 is Tết Bính Ngọ; Mon 23/02 is day 2.
        Assert.Equal("2026-02-23T23:59:59+07:00", created["deadlines"]!["triageBy"]!.GetValue<string>());
        // 13/02, 23–27/02, 2–5/03: ten working days.
        Assert.Equal("2026-03-05T23:59:59+07:00", accepted["deadlines"]!["resolveBy"]!.GetValue<string>());
    }
}
