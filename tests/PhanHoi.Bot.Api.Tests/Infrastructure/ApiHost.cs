using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace PhanHoi.Bot.Api.Tests.Infrastructure;

public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real host on a real store (a fresh SQLite file or a fresh PostgreSQL database), clock under test control
/// (<see cref="Clock"/>), or on the real clock when it listens on a real port for a browser.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-1";
    public const string DemoPassword = "phanhoi-demo";

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "phanhoi-api-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings;

    private readonly TimeProvider clock;

    private ApiHost(Dictionary<string, string?> settings, TimeProvider clock)
    {
        this.settings = settings;
        this.clock = clock;
    }

    public FakeTimeProvider Clock => clock as FakeTimeProvider ?? throw new InvalidOperationException("This host runs on the real clock.");

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// The host as <see cref="StartAsync(Store, DateTimeOffset?, IDictionary{string, string?}?)"/> but listening on a real
    /// loopback port (Kestrel) on the real clock, for a browser; <see cref="RootUri"/> is its address. A browser stamps
    /// what it sends with its own time and Web Chat orders the transcript by timestamp, so a frozen server clock would
    /// let an activity delivered again (after a stream reconnect) jump to the end of the transcript.
    /// </summary>
    public static async Task<ApiHost> StartOnKestrelAsync(Store store, IDictionary<string, string?>? extra = null) =>
        await StartAsync(store, TimeProvider.System, extra, kestrel: true);

    public static Task<ApiHost> StartAsync(Store store, DateTimeOffset? now = null, IDictionary<string, string?>? extra = null) =>
        StartAsync(store, new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7))), extra, kestrel: false);

    /// <summary>Where the Kestrel host listens (<c>http://127.0.0.1:port/</c>); the in-memory host's base address otherwise.</summary>
    public Uri RootUri => ClientOptions.BaseAddress;

    private static async Task<ApiHost> StartAsync(Store store, TimeProvider clock, IDictionary<string, string?>? extra, bool kestrel)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdmin:Username"] = "admin",
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security:PiiKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Demo:Seed"] = "true",
            ["Sla:Interval"] = "01:00:00",
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        if (store == Store.Postgres)
        {
            settings["ConnectionStrings:Postgres"] = await TestServers.CreateDatabaseAsync();
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new ApiHost(settings, clock);
        if (kestrel)
        {
            host.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            host.StartServer();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.ClientOptions.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        }
        else
        {
            _ = host.Server; // boot now: migrations and seeding run before the first request
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        settings.TryAdd("Storage:SqlitePath", Path.Combine(dataFolder, "phanhoi.db"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>A client logged in as <paramref name="username"/>.</summary>
    public async Task<HttpClient> LoginAsync(string username, string? password = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = password ?? (username == "admin" ? AdminPassword : DemoPassword) });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && System.IO.Directory.Exists(dataFolder))
        {
            try
            {
                System.IO.Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS
            }
        }
    }

    private sealed record TokenBody(string AccessToken, string TokenType, int ExpiresIn);
}
