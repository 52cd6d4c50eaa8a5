using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Statistics;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Quarter_figures_count_on_time_and_late_answers_per_agency_Art17(Store store)
    {
        using var host = await ApiHost.StartAsync(store, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var onTime = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();
        var late = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();
        var rejected = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();
        await StaffApi.ActAsync(reception, onTime, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(reception, late, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(reception, rejected, "reject", new { reason = "Không đủ thông tin." });
        await StaffApi.ActAsync(sxd, onTime, "resolve", new { answer = "Đã xử lý." });
        host.Clock.Advance(TimeSpan.FromDays(21));
        (reception, sxd) = (await host.LoginAsync("tiepnhan"), await host.LoginAsync("xuly.sxd")); // staff tokens last hours, not weeks
        await StaffApi.ActAsync(sxd, late, "explain-delay", new { reason = "Chờ kinh phí." });
        await StaffApi.ActAsync(sxd, late, "resolve", new { answer = "Đã xử lý muộn." });

        var stats = await reception.GetFromJsonAsync<JsonObject>("/api/v1/stats?from=2026-01-01&to=2026-03-31&agency=SXD");
        var bad = await reception.GetAsync("/api/v1/stats?from=2026-04-01&to=2026-01-01");

        var sxdFigures = stats!["items"]!.AsArray().Single(i => i!["agencyCode"]!.GetValue<string>() == "SXD")!;
        Assert.Equal(1, sxdFigures["resolvedOnTime"]!.GetValue<int>());
        Assert.Equal(1, sxdFigures["resolvedLate"]!.GetValue<int>());
        Assert.Equal(2, sxdFigures["accepted"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
