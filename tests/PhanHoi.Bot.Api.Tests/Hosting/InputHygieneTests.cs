using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Hosting;

/// <summary>Input a careless or crafted client sends: each gets a 400 naming the field, or is cleaned, never a 500.</summary>
public sealed class InputHygieneTests
{
    [Fact]
    public async Task A_NUL_in_a_body_or_a_query_is_dropped_not_a_500_on_PostgreSQL()
    {
        using var host = await ApiHost.StartAsync(Store.Postgres);
        var reception = await host.LoginAsync("tiepnhan");
        var anonymous = host.CreateClient();

        var login = await anonymous.PostAsync("/api/v1/auth/token", Json("""{"username":"tiep\u0000nhan","password":"phanhoi-demo"}"""));
        var search = await anonymous.GetAsync("/api/v1/public/cases?q=a%00b");
        var byCategory = await anonymous.GetAsync("/api/v1/public/cases?category=a%00b");
        var created = await reception.PostAsync("/api/v1/cases", Json($$$"""
            {"channel":"counter","category":"{{{await StaffApi.FirstCategoryAsync(reception)}}}",
             "content":"Đèn đường\u0000 ngõ 5 phố Lê Lợi hỏng đã hai tuần, buổi tối rất tối.",
             "citizen":{"name":"Nguyễn Thị Hoa","phone":"0912345678"}}
            """));
        var blankReason = await reception.PostAsync($"/api/v1/cases/{(await Body(created))["code"]}/reject", Json("""{"reason":"\u0000\u200b "}"""));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the same name with the NUL dropped
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCategory.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Đèn đường ngõ 5 phố Lê Lợi hỏng đã hai tuần, buổi tối rất tối.", (await Body(created))["content"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, blankReason.StatusCode);
        Assert.True((await Body(blankReason))["errors"]!.AsObject().ContainsKey("reason"));
    }

    [Theory]
    [InlineData("/api/v1/cases?state=awaiting_info,in_progress", "state")]
    [InlineData("/api/v1/cases?state=1", "state")]
    [InlineData("/api/v1/cases?from=0001-01-01", "from")]
    [InlineData("/api/v1/cases?from=0001-01-01T06:59:59", "from")]
    [InlineData("/api/v1/cases?from=12/02/2026", "from")]
    [InlineData("/api/v1/cases?to=1.12.2026", "to")]
    [InlineData("/api/v1/stats?from=0001-01-01", "from")]
    public async Task Lists_refuse_what_they_cannot_read_by_name(string url, string field)
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        var supervisor = await host.LoginAsync("giamsat");

        var response = await supervisor.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Body(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Theory]
    [InlineData("2026-12-10")]
    [InlineData("2026-12-10T08:00")]
    [InlineData("2026-12-10 08:00")]
    [InlineData("2026-12-10T08:00:00+07:00")]
    [InlineData("2026-12-10T08:00:00+0700")]
    [InlineData("2026-12-10T01:00:00Z")]
    public async Task Lists_take_a_day_or_an_ISO_8601_time(string from)
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        var supervisor = await host.LoginAsync("giamsat");

        var response = await supervisor.GetAsync($"/api/v1/cases?from={Uri.EscapeDataString(from)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Roles_close_kinds_and_attachments_are_read_by_their_names_only()
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        var admin = await host.LoginAsync("admin");
        var reception = await host.LoginAsync("tiepnhan");
        var category = await StaffApi.FirstCategoryAsync(reception);
        var code = (await StaffApi.CreateAsync(reception, StaffApi.CounterCase(category))).Code();

        var joinedRoles = await admin.PostAsJsonAsync("/api/v1/users", new { username = "canbo.moi", password = "mat-khau-rat-dai-1", roles = new[] { "handler,supervisor" }, agencyCode = "SXD" });
        var numberRole = await admin.PostAsJsonAsync("/api/v1/users", new { username = "canbo.moi", password = "mat-khau-rat-dai-1", roles = new[] { "0" }, agencyCode = "SXD" });
        var numberKind = await reception.PostAsJsonAsync($"/api/v1/cases/{code}/close", new { kind = "1" });
        var joinedKind = await reception.PostAsJsonAsync($"/api/v1/cases/{code}/close", new { kind = "thanks, obsolete" });
        var nullAttachment = await reception.PostAsync("/api/v1/cases", Json($$$"""
            {"channel":"counter","category":"{{{category}}}","content":"Đèn đường ngõ 5 phố Lê Lợi hỏng đã hai tuần, buổi tối rất tối.",
             "citizen":{"name":"Nguyễn Thị Hoa","phone":"0912345678"},"attachments":[null]}
            """));

        Assert.True((await Body(joinedRoles))["errors"]!.AsObject().ContainsKey("roles"));
        Assert.True((await Body(numberRole))["errors"]!.AsObject().ContainsKey("roles"));
        Assert.True((await Body(numberKind))["errors"]!.AsObject().ContainsKey("kind"));
        Assert.True((await Body(joinedKind))["errors"]!.AsObject().ContainsKey("kind"));
        Assert.True((await Body(nullAttachment))["errors"]!.AsObject().ContainsKey("attachments"));
        Assert.Equal(CaseStateSubmitted, (await reception.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{code}"))!.State());
    }

    [Fact]
    public async Task A_null_or_empty_body_is_a_400_that_says_a_body_is_required()
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        var reception = await host.LoginAsync("tiepnhan");

        foreach (var body in new[] { "null", "" })
        {
            var response = await reception.PostAsync("/api/v1/cases", Json(body));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("A JSON object body is required (the body was empty or null).", (await Body(response))["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Agency_codes_are_taken_in_any_case_where_an_account_or_a_category_names_one()
    {
        using var host = await ApiHost.StartAsync(Store.Sqlite);
        var admin = await host.LoginAsync("admin");

        var user = await admin.PostAsJsonAsync("/api/v1/users", new { username = "canbo.sxd", password = "mat-khau-rat-dai-1", roles = new[] { "Handler" }, agencyCode = "sxd" });
        var category = await admin.PostAsJsonAsync("/api/v1/categories", new { code = "cay-xanh", name = "Cây xanh", defaultAgencyCode = "sxd" });

        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal("SXD", (await Body(user))["agencyCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
        Assert.Equal("SXD", (await Body(category))["defaultAgencyCode"]!.GetValue<string>());
    }

    private const string CaseStateSubmitted = "submitted";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> Body(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
