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

    [Theory]
    [InlineData("A")]
    [InlineData("12345678")]
    [InlineData("Không muốn nói")]
    public async Task Counter_intake_asks_for_a_full_name_as_the_bot_does_Art7(string name)
    {
        var reception = await host.LoginAsync("tiepnhan");

        var response = await reception.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "counter",
            category = await StaffApi.FirstCategoryAsync(reception),
            content = "Thủ tục cấp giấy phép xây dựng tại phường kéo dài quá thời hạn quy định.",
            citizen = new { name, phone = "0912345678" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("citizen.name"));
    }

    [Theory]
    [InlineData("x", "too short")]
    [InlineData("Tôi làm đơn tố cáo cán bộ địa chính phường nhận tiền khi làm sổ đỏ.", "denunciation")]
    [InlineData("Đồ ngu, bọn cán bộ phường toàn lũ ăn hại không làm được việc gì.", "insulting")]
    public async Task Counter_intake_checks_the_content_as_the_bot_does_Art1_2_Art7(string content, string explained)
    {
        var reception = await host.LoginAsync("tiepnhan");
        var body = new
        {
            channel = "counter",
            category = await StaffApi.FirstCategoryAsync(reception),
            content,
            citizen = new { name = "Phạm Văn Hùng", phone = "0912345678" },
        };

        var response = await reception.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains(explained, errors["content"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var list = await reception.GetFromJsonAsync<JsonObject>("/api/v1/cases");
        Assert.Equal(0, list!["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/anh.jpg")]
    public async Task Counter_intake_takes_only_web_links_as_attachments(string url)
    {
        var reception = await host.LoginAsync("tiepnhan");
        var body = new
        {
            channel = "counter",
            category = await StaffApi.FirstCategoryAsync(reception),
            content = "Thủ tục cấp giấy phép xây dựng tại phường kéo dài quá thời hạn quy định.",
            citizen = new { name = "Phạm Văn Hùng", phone = "0912345678" },
            attachments = new[] { new { url, contentType = "image/jpeg", name = "anh.jpg" } },
        };

        var response = await reception.PostAsJsonAsync("/api/v1/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("attachments"));
    }

    [Fact]
    public async Task Phone_is_stored_in_international_form()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var created = await StaffApi.CreateAsync(reception, StaffApi.CounterCase(await StaffApi.FirstCategoryAsync(reception), phone: "091 234 5678"));

        Assert.Equal("+84912345678", created["citizen"]!["phone"]!.GetValue<string>());
    }
}
