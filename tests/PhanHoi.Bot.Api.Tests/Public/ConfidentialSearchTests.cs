using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Public;

/// <summary>The public search cannot be used to probe what a confidential case's withheld content holds (Art. 7.3).</summary>
public sealed class ConfidentialSearchTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Public_q_does_not_match_withheld_content_while_staff_q_does_Art7_3(Store store)
    {
        using var host = await ApiHost.StartAsync(store);
        var reception = await host.LoginAsync("tiepnhan");
        var sxd = await host.LoginAsync("xuly.sxd");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var code = (await StaffApi.CreateAsync(reception, new
        {
            channel = "counter",
            category,
            content = "Cống trước nhà tôi bị tắc, xin gọi số 0905 333 444 khi đến kiểm tra.",
            confidential = true,
            citizen = new { name = "Nguyễn Thị Hoa", phone = "0912345678", taxCode = (string?)null },
        })).Code();
        await StaffApi.ActAsync(reception, code, "accept", new { agencyCode = "SXD" });
        await StaffApi.ActAsync(sxd, code, "resolve", new { answer = "Đã thông cống." });
        await StaffApi.ActAsync(reception, code, "publish");
        var anonymous = host.CreateClient();

        var probed = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases?q=0905");
        var listed = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases");
        var staff = await reception.GetFromJsonAsync<JsonObject>("/api/v1/cases?q=0905");

        Assert.DoesNotContain(probed!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
        Assert.Contains(listed!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
        Assert.Contains(staff!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
    }
}
