using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PhanHoi.Bot.Api.Tests.Channels;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Fuzzing;

namespace PhanHoi.Bot.Api.Tests.Fuzzing;

/// <summary>
/// Hostile bodies through the real host: <c>/api/messages</c> and both webhooks, the webhooks correctly signed so
/// every body that is JSON reaches the parser, the durable inbox and the bot. Never a 5xx, never an unhandled
/// exception in the log, never a request left hanging.
/// </summary>
public sealed class EndpointFuzzTests : IAsyncLifetime
{
    private const int Inputs = 1_200;

    private ChannelHost host = null!;
    private FakeConnector connector = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        host = await ChannelHost.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            // let big bodies through to the parsers; the size limits have their own tests
            ["Channels:Zalo:MaxBodyBytes"] = "1048576",
            ["Channels:Facebook:MaxBodyBytes"] = "1048576",
            ["Bot:RateLimit:PermitLimit"] = "100000",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Api_messages_never_fails_on_hostile_activities()
    {
        var report = await FuzzRun.RunAsync(20260611, Inputs, FuzzSeeds.Activities(connector.ServiceUrl), body => PostAsync("/api/messages", body, null, null), Limit);
        AssertClean(report);
    }

    [Fact]
    public async Task Zalo_webhook_never_fails_on_hostile_signed_bodies()
    {
        var report = await FuzzRun.RunAsync(20260612, Inputs, FuzzSeeds.Zalo(), body =>
            PostAsync("/webhooks/zalo", body, "X-ZEvent-Signature", ChannelHost.ZaloMac(body, TimestampOf(body))), Limit);
        AssertClean(report);
    }

    [Fact]
    public async Task Facebook_webhook_never_fails_on_hostile_signed_bodies()
    {
        var report = await FuzzRun.RunAsync(20260613, Inputs, FuzzSeeds.Messenger(), body =>
            PostAsync("/webhooks/facebook", body, "X-Hub-Signature-256", ChannelHost.FacebookSignature(body)), Limit);
        AssertClean(report);
    }

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private async Task PostAsync(string path, byte[] body, string? signatureHeader, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(signatureHeader, signature);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await host.Client.SendAsync(request, timeout.Token);
        if ((int)response.StatusCode >= 500)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The timestamp as the endpoint reads it for the MAC (string value or number literal).</summary>
    private static string TimestampOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("timestamp", out var t))
            {
                return t.ValueKind switch
                {
                    JsonValueKind.String => t.GetString() ?? string.Empty,
                    JsonValueKind.Number => t.GetRawText(),
                    _ => string.Empty,
                };
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // not JSON (the endpoint answers 400 whatever the signature), or an undecodable timestamp (cannot match)
        }

        return string.Empty;
    }

    private void AssertClean(FuzzReport report)
    {
        Assert.True(report.Failures.Count == 0, report.Describe());
        var unhandled = host.Host.Logs.Lines
            .Where(l => l.StartsWith("Critical", StringComparison.Ordinal) || (l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Exception", StringComparison.Ordinal)))
            .Take(5)
            .ToList();
        Assert.True(unhandled.Count == 0, "errors logged:\n" + string.Join("\n", unhandled.Select(l => l.Length > 600 ? l[..600] : l)));
    }
}
