using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Public;

public sealed class PublicApiTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(Store.Sqlite);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Unpublished_case_is_404_and_published_one_has_no_personal_data()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var anonymous = host.CreateClient();
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception), phone: "0987654321"))).Code();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/cases/{code}")).StatusCode);

        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã vá ổ gà." });
        await StaffApi.ActAsync(reception, code, "publish");

        var body = await anonymous.GetStringAsync($"/api/v1/public/cases/{code}");
        var list = await anonymous.GetStringAsync("/api/v1/public/cases");
        Assert.Contains("Đã vá ổ gà.", body);
        Assert.Contains(code, list);
        foreach (var secret in new[] { "Nguyễn Thị Hoa", "0987654321", "987654321" })
        {
            Assert.DoesNotContain(secret, body);
            Assert.DoesNotContain(secret, list);
        }
    }

    [Fact]
    public async Task Numbers_an_answer_quotes_are_masked_for_the_public_SPEC2()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception)))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã liên hệ bà Hoa (SĐT 0912345678, CCCD 038090001234); ổ gà đã được vá." });
        await StaffApi.ActAsync(reception, code, "publish");

        var published = await host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/public/cases/{code}");

        Assert.Equal("Đã liên hệ bà Hoa (SĐT ***, CCCD ***); ổ gà đã được vá.", published!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Confidential_content_is_withheld_once_published_Art7()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception), confidential: true))).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã xử lý." });
        await StaffApi.ActAsync(reception, code, "publish");

        var published = await host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/public/cases/{code}");

        Assert.True(published!["confidential"]!.GetValue<bool>());
        Assert.Null(published["content"]);
        Assert.Equal("Đã xử lý.", published["answer"]!.GetValue<string>());
    }
}
