using System.Net;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Hosting;

public sealed class HostingTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Health_and_the_openapi_document_answer(Store store)
    {
        using var host = await ApiHost.StartAsync(store);
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/cases/{code}/{action}", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs")).StatusCode);
    }
}

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_includes_redis_when_it_is_configured_and_fails_when_it_is_unreachable()
    {
        using var healthy = await ApiHost.StartAsync(Store.Sqlite, extra: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServers.Redis });
        using var unreachable = await ApiHost.StartAsync(Store.Sqlite, extra: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200",
        });

        var ok = await healthy.CreateClient().GetStringAsync("/health/ready");
        var down = await unreachable.CreateClient().GetAsync("/health/ready");

        Assert.Equal("Healthy", ok);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unreachable.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
