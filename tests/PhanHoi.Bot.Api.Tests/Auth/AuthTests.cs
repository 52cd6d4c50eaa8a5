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
    }
}
