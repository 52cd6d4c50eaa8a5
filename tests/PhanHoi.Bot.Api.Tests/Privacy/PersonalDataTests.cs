using System.Net.Http.Json;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Privacy;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task No_personal_datum_appears_in_the_logs_Art16(Store store)
    {
        using var host = await ApiHost.StartAsync(store);
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var body = new
        {
            channel = "hotline",
            category,
            content = "Khu dân cư Đông Hương thường xuyên mất nước sinh hoạt vào buổi tối trong tháng này.",
            confidential = false,
            citizen = new
            {
                name = "Trịnh Thị Bích Ngọc",
                phone = "0356789123",
                taxCode = "0100109106",
                proxy = new { name = "Hoàng Văn Tư", address = "12 Phan Chu Trinh, Hạc Thành", phone = "0968123457", reason = "Cha tôi đã lớn tuổi", consent = true },
            },
        };

        var created = await StaffApi.CreateAsync(reception, body);
        await reception.GetAsync($"/api/v1/cases/{created.Code()}");
        await reception.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", category, content = "ngắn", citizen = new { name = "Trịnh Thị Bích Ngọc", phone = "0356789999" } });

        var logs = string.Join("\n", host.Logs.Lines);
        Assert.NotEmpty(host.Logs.Lines);
        foreach (var secret in new[] { "Trịnh Thị Bích Ngọc", "0356789123", "356789123", "0100109106", "Hoàng Văn Tư", "12 Phan Chu Trinh", "0968123457", "0356789999", "Cha tôi đã lớn tuổi" })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }
}
