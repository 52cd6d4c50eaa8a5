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
    public async Task The_hotline_finds_a_callers_cases_by_phone_among_those_its_agency_holds_and_each_find_is_recorded()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var supervisor = await host.LoginAsync("giamsat");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var phone = "098" + Random.Shared.Next(1_000_000, 9_999_999);
        var first = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category, phone))).Code();
        var second = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category, phone))).Code();
        await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category, "0912345678"));
        await StaffApi.ActAsync(reception, second, "accept", new { agencyCode = "SXD" });
        async Task<int> ReadsOfSecond() =>
            (await sxd.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{second}/history"))!.Count(h => h!["action"]!.GetValue<string>() == "view-personal-data");
        var readsBefore = await ReadsOfSecond();

        async Task<JsonObject> Find(HttpClient staff, string written)
        {
            var response = await staff.PostAsJsonAsync("/api/v1/cases/by-phone?pageSize=10", new { phone = written });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        static IEnumerable<string> Codes(JsonObject page) => page["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>());

        var byReception = await Find(reception, $"+84 {phone[1..4]} {phone[4..7]} {phone[7..]}");
        Assert.Equal(new[] { first, second }.Order(), Codes(byReception).Order()); // filed at the same (test) instant
        Assert.Equal(2, byReception["total"]!.GetValue<long>());
        Assert.DoesNotContain("Nguyễn Thị Hoa", byReception.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([second], Codes(await Find(sxd, phone)));
        Assert.Empty(Codes(await Find(supervisor, phone))); // sees every case, but not whose
        Assert.Equal(readsBefore + 2, await ReadsOfSecond()); // reception's search and SXD's, not the supervisor's

        var wrong = await reception.PostAsJsonAsync("/api/v1/cases/by-phone", new { phone = "0123 456" });
        var wrongBody = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"phone\"", wrongBody, StringComparison.Ordinal);
        Assert.DoesNotContain("0123 456", wrongBody, StringComparison.Ordinal);
        var none = await reception.PostAsJsonAsync("/api/v1/cases/by-phone", new { });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, none.StatusCode);
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
