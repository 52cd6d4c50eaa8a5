using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>The service under test as its own process (as deployed), on a free loopback port; samples its RSS.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo info;
    private Process process;

    private ServiceProcess(ProcessStartInfo info, Process process, string baseUrl)
    {
        this.info = info;
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => process.Id;

    /// <summary>Where the service keeps its webhook inbox (<c>Inbox__Store</c> as the process was given it; the service's default is the database).</summary>
    public string InboxStore =>
        info.Environment.TryGetValue("Inbox__Store", out var store) && !string.IsNullOrWhiteSpace(store) ? store.ToLowerInvariant() : "database";

    /// <summary>How many times the service was killed and started again.</summary>
    public int Restarts { get; private set; }

    public static async Task<ServiceProcess> StartAsync(LoadOptions options, IDictionary<string, string> extra, string? name = null)
    {
        var port = FreePort();
        // a framework-dependent build runs through the dotnet host; a published apphost (e.g. self-contained
        // ReadyToRun, scripts/publish.sh) is started as it is deployed
        var info = new ProcessStartInfo(
            options.ApiDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : options.ApiDll,
            options.ApiDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [options.ApiDll] : [])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(options.ApiDll)!,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["Serilog__MinimumLevel__Default"] = "Warning";
        env["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning";
        env["Auth__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Security__PiiKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Demo__Seed"] = "true";
        env["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"phanhoi-bench-{port}", "phanhoi.db");
        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            env["ConnectionStrings__Postgres"] = options.Postgres;
        }

        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            env["ConnectionStrings__Redis"] = options.Redis;
        }

        foreach (var (key, value) in extra.Concat(options.ServiceEnv))
        {
            env[key] = value;
        }

        var service = new ServiceProcess(info, Launch(info, name ?? "service"), $"http://127.0.0.1:{port}");
        await service.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary><c>kill -9</c>: no shutdown, no flushing; whatever was in memory is gone.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Starts the service again with the same port, configuration and databases.</summary>
    public async Task RestartAsync(string name = "service")
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
        process = Launch(info, name);
        Restarts++;
        await WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    private static Process Launch(ProcessStartInfo info, string name)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException("The service did not start.");
        process.OutputDataReceived += (_, e) => Forward(name, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Peak resident set size (VmHWM) in MB, and the current one (VmRSS).</summary>
    public (double PeakMb, double CurrentMb) Memory()
    {
        var m = MemoryDetail();
        return (m.PeakMb, m.CurrentMb);
    }

    /// <summary>VmHWM, VmRSS and its anonymous part (heaps, JIT code) and file-backed part (mapped assemblies, libraries), MB.</summary>
    public (double PeakMb, double CurrentMb, double AnonMb, double FileMb) MemoryDetail()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        double Field(string name) => Math.Round(
            double.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], CultureInfo.InvariantCulture) / 1024, 1);
        return (Field("VmHWM"), Field("VmRSS"), Field("RssAnon"), Field("RssFile"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first answer
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The service was not ready in time.");
    }

    private static void Forward(string name, string? line)
    {
        if (line is { Length: > 0 })
        {
            Console.Error.WriteLine($"[{name}] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
