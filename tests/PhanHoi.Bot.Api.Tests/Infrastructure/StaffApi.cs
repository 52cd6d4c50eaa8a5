using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Api.Tests.Infrastructure;

/// <summary>Small conveniences over the staff API, returning raw JSON so tests read what the wire says.</summary>
public static class StaffApi
{
    public static object CounterCase(string category, string phone = "0912345678", bool confidential = false) => new
    {
        channel = "counter",
        category,
        content = "Đoạn đường Lê Lợi trước số 120 có nhiều ổ gà lớn, trời mưa đọng nước gây nguy hiểm cho người đi xe máy.",
        confidential,
        citizen = new { name = "Nguyễn Thị Hoa", phone, taxCode = (string?)null },
    };

    public static async Task<JsonObject> CreateAsync(HttpClient reception, object body)
    {
        var response = await reception.PostAsJsonAsync("/api/v1/cases", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ActAsync(HttpClient client, string code, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{code}/{action}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<string> FirstCategoryAsync(HttpClient client)
    {
        var categories = await client.GetFromJsonAsync<JsonArray>("/api/v1/categories");
        return categories![0]!["code"]!.GetValue<string>();
    }

    public static string State(this JsonObject c) => c["state"]!.GetValue<string>();

    public static string Code(this JsonObject c) => c["code"]!.GetValue<string>();
}
