using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Cases;

/// <summary>GET /api/v1/cases and /api/v1/public/cases: the page shape, with accent-free text search, on each store.</summary>
public abstract class CaseListTests(Store store) : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(store);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Staff_find_a_case_typing_without_diacritics_and_the_page_says_its_total_is_exact()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var code = (await StaffApi.CreateAsync(reception, new
        {
            channel = "counter",
            category,
            content = "Cống thoát nước trên ĐƯỜNG Hạc Thành bị tắc, nước tràn lên vỉa hè.",
            confidential = false,
            citizen = new { name = "Nguyễn Thị Hoa", phone = "0912345678" },
        })).Code();

        var page = await reception.GetFromJsonAsync<JsonObject>("/api/v1/cases?q=duong%20hac%20thanh");

        Assert.Equal([code], page!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.Equal(1, page["total"]!.GetValue<long>());
        Assert.True(page["totalIsExact"]!.GetValue<bool>());
        Assert.Equal((1, 20), (page["page"]!.GetValue<int>(), page["pageSize"]!.GetValue<int>()));
        Assert.Empty((await reception.GetFromJsonAsync<JsonObject>("/api/v1/cases?q=duong%20hac%20thanhh"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_date_filter_is_a_whole_day_in_Vietnam()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code(); // 02/03/2026 09:00 +07:00

        async Task<string[]> CodesAsync(string query) =>
            [.. (await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases?{query}"))!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>())];

        Assert.Equal([code], await CodesAsync("from=2026-03-02&to=2026-03-02"));
        Assert.Equal([code], await CodesAsync("to=2026-03-02"));
        Assert.Empty(await CodesAsync("from=2026-03-03"));
        Assert.Empty(await CodesAsync("to=2026-03-01"));
        Assert.Equal([code], await CodesAsync("from=2026-03-02T08:59:00%2B07:00&to=2026-03-02T09:01:00"));
        Assert.Empty(await CodesAsync("from=2026-03-02T09:01:00"));
    }

    [Fact]
    public async Task The_public_list_finds_published_cases_without_diacritics()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, new
        {
            channel = "counter",
            category = await StaffApi.FirstCategoryAsync(reception),
            content = "Đèn chiếu sáng ngõ 12 phố Lê Hoàn hỏng nhiều ngày.",
            confidential = false,
            citizen = new { name = "Nguyễn Thị Hoa", phone = "0912345678" },
        })).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã thay bóng đèn." });
        await StaffApi.ActAsync(reception, code, "publish");

        var page = await host.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/public/cases?q=den%20chieu%20sang%20ngo%2012");

        Assert.Equal([code], page!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.True(page["totalIsExact"]!.GetValue<bool>());
    }
}

public sealed class CaseListOnSqliteTests() : CaseListTests(Store.Sqlite);

public sealed class CaseListOnPostgresTests() : CaseListTests(Store.Postgres);
