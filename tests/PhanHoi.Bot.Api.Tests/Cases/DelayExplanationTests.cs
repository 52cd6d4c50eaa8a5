using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Cases;

/// <summary>"late: state the reason … when the 10 days pass" (SPEC §3), through the staff API.</summary>
public sealed class DelayExplanationTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_delay_is_explained_only_after_the_processing_deadline_Art11(Store store)
    {
        using var host = await ApiHost.StartAsync(store, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" }); // resolve by 16/03/2026

        var early = await sxd.PostAsJsonAsync($"/api/v1/cases/{code}/explain-delay", new { reason = "Chờ kinh phí." });
        var onTime = await sxd.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("'explain-delay' is possible only once the processing deadline (16/03/2026) has passed.", problem!["detail"]!.GetValue<string>());
        Assert.DoesNotContain(problem["allowedActions"]!.AsArray(), a => a!.GetValue<string>() == "explain-delay");
        Assert.DoesNotContain(onTime!["allowedActions"]!.AsArray(), a => a!.GetValue<string>() == "explain-delay");

        host.Clock.Advance(TimeSpan.FromDays(16)); // 18/03/2026
        sxd = await host.LoginAsync("xuly.sxd"); // staff tokens last hours, not weeks
        var late = await sxd.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");
        var blank = await sxd.PostAsJsonAsync($"/api/v1/cases/{code}/explain-delay", new { reason = "   " });
        var delayed = await StaffApi.ActAsync(sxd, code, "explain-delay", new { reason = "Chờ kinh phí." });

        Assert.Contains(late!["allowedActions"]!.AsArray(), a => a!.GetValue<string>() == "explain-delay");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Chờ kinh phí.", delayed["delayReason"]!.GetValue<string>());
    }
}
