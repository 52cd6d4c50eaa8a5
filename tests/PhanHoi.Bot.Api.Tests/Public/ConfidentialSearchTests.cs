using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

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

        var probed = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases?q=cong%20truoc%20nha"); // what staff find, not a (masked) number
        var listed = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases");
        var staff = await reception.GetFromJsonAsync<JsonObject>("/api/v1/cases?q=cong%20truoc%20nha");

        Assert.DoesNotContain(probed!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
        Assert.Contains(listed!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
        Assert.Contains(staff!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task What_a_citizen_added_on_request_and_numbers_in_the_content_are_not_published_SPEC5(Store store)
    {
        using var host = await ApiHost.StartAsync(store);
        var reception = await host.LoginAsync("tiepnhan");
        var desk = host.Services.GetRequiredService<CaseDesk>();
        var address = new CitizenAddress("zalo", "84900000077");
        var filed = await desk.SubmitAsync(
            new NewCase(CaseChannel.Zalo, await StaffApi.FirstCategoryAsync(reception), "Thủ tục cấp giấy phép xây dựng ở phường kéo dài, tôi gọi 0912.345.678 mãi không ai nghe.", false,
                new CitizenDetails("Lê Văn Ba", "+84912345678"), address, [new Attachment("https://files.example.test/ho-so.jpg", "image/jpeg", "ho-so.jpg")]),
            Actor.Citizen(address),
            CancellationToken.None);
        var code = Assert.IsType<DeskOutcome.Done>(filed).Case.Code;
        await StaffApi.ActAsync(reception, code, "request-info", new { message = "Đề nghị cho biết địa chỉ liên hệ." });
        await desk.ActAsync(code, new SupplementCommand("Tôi là Lê Văn Ba, nhà số 7 ngõ 3 Trần Phú.", [new Attachment("https://files.example.test/cccd.jpg", "image/jpeg", "cccd.jpg")]), Actor.Citizen(address), null, CancellationToken.None);
        await StaffApi.ActAsync(reception, code, "answer-directly", new { answer = "Hồ sơ đã được giải quyết ngày 20/3." });
        var anonymous = host.CreateClient();

        var shown = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/public/cases/{code}");
        var byName = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases?q=le%20van%20ba");
        var byWords = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/cases?q=giay%20phep%20xay%20dung");
        var staff = await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}");

        Assert.Equal("Thủ tục cấp giấy phép xây dựng ở phường kéo dài, tôi gọi *** mãi không ai nghe.", shown!["content"]!.GetValue<string>());
        var inChat = await host.Services.GetRequiredService<PhanHoi.Bot.Intake.ICitizenCaseDesk>().FindPublishedAsync(code, CancellationToken.None);
        Assert.Equal(shown["content"]!.GetValue<string>(), inChat!.Content); // what "Tra cứu" shows anyone with the code
        Assert.Equal(["https://files.example.test/ho-so.jpg"], shown["attachments"]!.AsArray().Select(a => a!["url"]!.GetValue<string>())); // not the ID card sent later
        Assert.Equal(2, staff!["attachments"]!.AsArray().Count);
        Assert.Empty(byName!["items"]!.AsArray());
        Assert.Contains(byWords!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == code);
        Assert.Contains("Lê Văn Ba, nhà số 7", staff!["content"]!.GetValue<string>(), StringComparison.Ordinal); // staff read it all
    }
}
