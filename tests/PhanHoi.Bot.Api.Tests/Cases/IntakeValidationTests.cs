using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Cases;

public sealed class IntakeValidationTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(Store.Sqlite);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Counter_intake_refuses_a_bad_phone_a_bad_tax_check_digit_and_an_unknown_category_Art7()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);

        var badIds = await reception.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "counter",
            category,
            content = "Thủ tục cấp giấy phép xây dựng tại phường kéo dài quá thời hạn quy định.",
            citizen = new { name = "Phạm Văn Hùng", phone = "0123", taxCode = "0100109107" },
        });
        var badCategory = await reception.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "counter",
            category = "KHONG-CO",
            content = "Thủ tục cấp giấy phép xây dựng tại phường kéo dài quá thời hạn quy định.",
            citizen = new { name = "Phạm Văn Hùng", phone = "0912345678" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, badIds.StatusCode);
        var errors = (await badIds.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("citizen.phone"));
        Assert.True(errors.ContainsKey("citizen.taxCode"));
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
    }

    [Fact]
    public async Task Phone_is_stored_in_international_form()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var created = await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception), phone: "091 234 5678"));

        Assert.Equal("+84912345678", created["citizen"]!["phone"]!.GetValue<string>());
    }
}
