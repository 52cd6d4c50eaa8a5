using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Auth;

public sealed class AuthTests : IAsyncLifetime
{
    private ApiHost host = null!;

    public async Task InitializeAsync() => host = await ApiHost.StartAsync(Store.Sqlite);

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Wrong_password_is_401_problem()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_are_a_429_problem_saying_when_to_try_again()
    {
        var client = host.CreateClient();
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password" });
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++attempts < 50);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://phanhoi.thanhhoa.gov.vn/problems/too-many-requests", (await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]!.GetValue<string>());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Staff_api_without_a_token_is_401()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bootstrap_admin_creates_a_user_who_logs_in_with_role_and_agency()
    {
        var admin = await host.LoginAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = "canbo.syt",
            password = "mat-khau-dai",
            displayName = "Cán bộ Sở Y tế",
            roles = new[] { "handler" },
            agencyCode = "SXD",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var user = await host.LoginAsync("canbo.syt", "mat-khau-dai");
        var me = await user.GetFromJsonAsync<JsonObject>("/api/v1/me");
        Assert.Equal("SXD", me!["agency"]!.GetValue<string>());
        Assert.Equal("handler", me["roles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_account_can_neither_log_in_nor_use_the_token_it_already_has()
    {
        var admin = await host.LoginAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = "canbo.nghi", password = "mat-khau-dai", roles = new[] { "handler" }, agencyCode = "SXD" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var user = await host.LoginAsync("canbo.nghi", "mat-khau-dai");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(created.Headers.Location!.ToString())).StatusCode);

        var disabled = await admin.PostAsync($"/api/v1/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotNull((await disabled.Content.ReadFromJsonAsync<JsonObject>())!["disabledAt"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me")).StatusCode);
        var login = await host.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "canbo.nghi", password = "mat-khau-dai" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonArray>("/api/v1/users");
        Assert.Contains(listed!, u => u!["username"]!.GetValue<string>() == "canbo.nghi" && u["disabledAt"] is not null);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/me")).StatusCode);

        var me = await admin.GetFromJsonAsync<JsonObject>("/api/v1/me");
        var self = listed!.Single(u => u!["username"]!.GetValue<string>() == me!["username"]!.GetValue<string>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/users/{self}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_reference_data_and_bad_input_names_the_field()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var admin = await host.LoginAsync("admin");

        var forbidden = await reception.PostAsJsonAsync("/api/v1/agencies", new { code = "SYT2", name = "Sở Y tế" });
        var invalid = await admin.PostAsJsonAsync("/api/v1/users", new { username = "x", password = "short", roles = new[] { "boss" }, agencyCode = "NOPE" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("username") && errors.ContainsKey("password") && errors.ContainsKey("roles") && errors.ContainsKey("agencyCode"));
    }

    [Fact]
    public async Task Malformed_json_is_400_problem()
    {
        var reception = await host.LoginAsync("tiepnhan");
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var response = await reception.PostAsync("/api/v1/cases", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("https://phanhoi.thanhhoa.gov.vn/problems/validation", problem["type"]!.GetValue<string>());
        Assert.Contains("not valid", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_or_format_is_explained_where_it_is()
    {
        var reception = await host.LoginAsync("tiepnhan");
        var admin = await host.LoginAsync("admin");

        var wrongType = await reception.PostAsJsonAsync("/api/v1/cases", new { channel = "counter", confidential = "yes", citizen = new { name = "Nguyễn Văn Ba", phone = "0912345678" } });
        var wrongPage = await reception.GetAsync("/api/v1/cases?page=abc");
        var wrongDate = await reception.GetAsync("/api/v1/cases?from=2026-13-01");
        var wrongStats = await reception.GetAsync("/api/v1/stats?from=x");
        var negative = await reception.GetAsync("/api/v1/cases?pageSize=-1");
        var wrongUntil = await admin.PostAsJsonAsync("/api/v1/citizens/zalo/84900000009/lock", new { until = "31/12/2026", reason = "Gửi tin rác." });

        var confidential = await ProblemAsync(wrongType, HttpStatusCode.BadRequest);
        Assert.Contains("$.confidential", confidential["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Ba", confidential.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("whole number", (await ProblemAsync(wrongPage, HttpStatusCode.BadRequest))["errors"]!["page"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", (await ProblemAsync(wrongDate, HttpStatusCode.BadRequest))["errors"]!["from"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", (await ProblemAsync(wrongStats, HttpStatusCode.BadRequest))["errors"]!["from"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1 to", (await ProblemAsync(negative, HttpStatusCode.BadRequest))["errors"]!["pageSize"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", (await ProblemAsync(wrongUntil, HttpStatusCode.BadRequest))["errors"]!["until"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Nguyễn Văn Ba", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_the_framework_writes_carry_the_api_problem_types()
    {
        var reception = await host.LoginAsync("tiepnhan");
        using var text = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");

        var unauthorized = await host.CreateClient().GetAsync("/api/v1/cases");
        var wrongMethod = await reception.PutAsJsonAsync("/api/v1/categories", new { });
        var wrongMedia = await reception.PostAsync("/api/v1/cases", text);

        Assert.EndsWith("/problems/unauthorized", (await ProblemAsync(unauthorized, HttpStatusCode.Unauthorized))["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/problems/method-not-allowed", (await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed))["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/problems/unsupported-media-type", (await ProblemAsync(wrongMedia, HttpStatusCode.UnsupportedMediaType))["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Category_codes_are_slugs_whatever_their_case_and_a_created_one_can_be_read_back()
    {
        var admin = await host.LoginAsync("admin");
        var existing = await StaffApi.FirstCategoryAsync(admin);

        var duplicate = await admin.PostAsJsonAsync("/api/v1/categories", new { code = existing.ToUpperInvariant(), name = "Trùng" });
        var created = await admin.PostAsJsonAsync("/api/v1/categories", new { code = "DU-LICH", name = "Du lịch" });
        var agency = await admin.PostAsJsonAsync("/api/v1/agencies", new { code = "svhttdl", name = "Sở Văn hóa, Thể thao và Du lịch" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("du-lich", (await created.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal("Du lịch", (await admin.GetFromJsonAsync<JsonObject>(created.Headers.Location!.ToString()))!["name"]!.GetValue<string>());
        Assert.Equal("SVHTTDL", (await admin.GetFromJsonAsync<JsonObject>(agency.Headers.Location!.ToString()))!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/categories/khong-co")).StatusCode);

        var reception = await host.LoginAsync("tiepnhan");
        var filed = await StaffApi.CreateAsync(reception, StaffApi.CounterCase("Du-Lich"));
        Assert.Equal("du-lich", filed["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_password_of_one_repeated_character_is_refused()
    {
        var admin = await host.LoginAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username = "canbo.khoang", password = "        ", roles = new[] { "handler" }, agencyCode = "SXD" });

        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("password"));
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
