using System.Diagnostics;
using System.Text.Json;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// A run with a fault in the middle: <c>kill9</c> (the service killed and started again on the same port and
/// databases), <c>platform-outage</c> (the send APIs fail for <c>--fault-for</c> seconds), <c>duplicate</c> (every
/// message delivered twice at once and once more after the next one), <c>exec</c> (a command, e.g. restarting
/// PostgreSQL or Redis), any of them with <c>--instances 3</c> behind a round-robin proxy. Citizens retry a refused
/// delivery as the platforms do and wait long enough for recovery; then every acknowledged message must have been
/// answered exactly once, in order, and no citizen may have two cases. Prints one verdict line.
/// </summary>
public static class FaultRun
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Postgres) || string.IsNullOrWhiteSpace(options.Redis))
        {
            throw new ArgumentException("Fault runs need --postgres and --redis (state shared by restarts and instances).");
        }

        await using var database = await RunDatabase.CreateAsync(options.Postgres, "phanhoi_fault"); // dropped after the services stop
        options = options with { Postgres = database.ConnectionString };
        await using var platform = await FakePlatform.StartAsync(keepConversations: true);
        var settings = PlatformSecrets.ServiceSettings(platform.BaseUrl);
        // every instance (and every restart) must read what the others wrote: one personal-data key, one JWT key
        settings["Security__PiiKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        settings["Auth__Jwt__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var services = new List<ServiceProcess> { await ServiceProcess.StartAsync(options, settings, "service-1") };
        for (var i = 2; i <= options.Instances; i++)
        {
            services.Add(await ServiceProcess.StartAsync(options, settings, $"service-{i}"));
        }

        RoundRobinProxy? proxy = options.Instances > 1 ? await RoundRobinProxy.StartAsync([.. services.Select(s => s.BaseUrl)]) : null;
        try
        {
            using var http = Transports.Client();
            var transport = Transports.Create(options.Transport, http, proxy?.BaseUrl ?? services[0].BaseUrl, platform);
            using var limit = new CancellationTokenSource(options.Limit);
            var shapes = await TurnShapes.LearnAsync(transport, platform.Inbox, DialogScripts.Named(options.Dialog), limit.Token);

            var figures = new LoadFigures();
            var runner = new DialogRunner(transport, platform.Inbox, shapes, figures, new RunnerSettings(
                options.ReplyTimeout, options.ThinkTime, RetryUntilAcked: true, DeliverTwice: options.Fault == "duplicate", UserPrefix: "fault"));
            var started = Stopwatch.GetTimestamp();
            var fault = InjectAsync(options, services, platform, limit.Token);
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async _ =>
            {
                int number;
                while (Stopwatch.GetElapsedTime(started) < options.Duration
                       && (number = Interlocked.Increment(ref next)) < options.Users * options.DialogsPerUser
                       && !limit.IsCancellationRequested)
                {
                    await runner.RunAsync(number, limit.Token);
                }
            }));
            var faultSeconds = await fault;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await DrainAsync(platform.Inbox);

            var check = DeliveryCheck.Of(runner.Citizens.Values, platform.Inbox, shapes);
            var cases = await CaseLedger.CasesPerCitizenAsync(database.ConnectionString, [.. runner.Citizens.Keys]);
            var filedTwice = cases.Count(c => c.Value > 1);
            var missingCases = runner.Citizens.Values.Count(c => c.Completed && !cases.ContainsKey(c.User));
            // an outage nobody ran into proves nothing: the dialogs must still be running when it starts
            var faultHit = options.Fault != "platform-outage" || platform.Faults.Refused > 0;
            var pass = faultHit && check.Acked > 0 && check.Lost == 0 && check.Duplicated == 0 && check.OrderViolations == 0 && filedTwice == 0 && missingCases == 0;
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = options.Scenario ?? options.Fault ?? "none",
                transport = transport.Name,
                instances = options.Instances,
                users = options.Users,
                dialogs = figures.CompletedCount,
                seconds = Math.Round(seconds, 1),
                faultSeconds,
                acked = check.Acked,
                answered = check.Answered,
                retried = figures.RetriedCount,
                notAcknowledged = runner.Citizens.Values.Count(c => !c.Completed && c.Acked == c.Answered),
                lost = check.Lost,
                duplicated = check.Duplicated,
                orderViolations = check.OrderViolations,
                casesFiled = cases.Values.Sum(),
                casesFiledTwice = filedTwice,
                casesMissing = missingCases,
                platformRefused = platform.Faults.Refused,
                faultHit,
                turnMs = new { p50 = figures.Turns.At(50), p99 = figures.Turns.At(99), max = figures.Turns.At(100) },
                verdict = pass ? "pass" : "fail",
            }));
            return pass ? 0 : 1;
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }

            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>Waits <c>--fault-at</c>, injects the fault, returns how long it lasted (s).</summary>
    private static async Task<double> InjectAsync(LoadOptions options, List<ServiceProcess> services, FakePlatform platform, CancellationToken cancellationToken)
    {
        if (options.Fault is null or "duplicate" or "none")
        {
            return 0;
        }

        await Task.Delay(options.FaultAt, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        Console.Error.WriteLine($"[fault] {options.Fault} at {options.FaultAt.TotalSeconds} s");
        switch (options.Fault)
        {
            case "kill9":
                await services[0].KillAsync();
                await Task.Delay(options.FaultFor, cancellationToken);
                await services[0].RestartAsync("service-1");
                break;
            case "platform-outage":
                platform.Faults.Begin(options.FaultFor);
                await Task.Delay(options.FaultFor, cancellationToken);
                break;
            case "exec":
                using (var process = Process.Start(new ProcessStartInfo("bash", ["-c", options.Exec ?? throw new ArgumentException("--exec is required")])
                       {
                           UseShellExecute = false,
                       })!)
                {
                    await process.WaitForExitAsync(cancellationToken);
                    if (process.ExitCode != 0)
                    {
                        Console.Error.WriteLine($"[fault] the command exited with {process.ExitCode}");
                    }
                }

                break;
            default:
                throw new ArgumentException($"Unknown fault '{options.Fault}' (kill9, platform-outage, duplicate, exec, none).");
        }

        var seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1);
        Console.Error.WriteLine($"[fault] over after {seconds} s");
        return seconds;
    }

    /// <summary>Late replies and notices (and any duplicate) arrive now: waits until the platform is quiet for 5 s.</summary>
    private static async Task DrainAsync(ReplyInbox inbox)
    {
        var until = Stopwatch.GetTimestamp();
        var last = inbox.Received;
        var quietSince = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(until) < TimeSpan.FromSeconds(120) && Stopwatch.GetElapsedTime(quietSince) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(500);
            if (inbox.Received != last)
            {
                last = inbox.Received;
                quietSince = Stopwatch.GetTimestamp();
            }
        }
    }
}
