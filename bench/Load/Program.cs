using System.Diagnostics;
using System.Text.Json;
using PhanHoi.Bot.Bench.Load;

// Closed-loop intake load against the real service process (BENCH.md workload); prints one JSON line per run.
//   --mode load    dialogs/s and latencies (default)
//   --mode memory  RSS with --conversations held mid-dialog
//   --mode fault   a fault during a run, then the exactly-once / in-order / no-case-twice verdict
var options = LoadOptions.Parse(args);
if (options.Mode == "fault")
{
    return await FaultRun.RunAsync(options);
}

// declared before the service: dropped after it has stopped
await using var database = string.IsNullOrWhiteSpace(options.Postgres) ? null : await RunDatabase.CreateAsync(options.Postgres, "phanhoi_load");
if (database is not null)
{
    options = options with { Postgres = database.ConnectionString };
}

await using var platform = await FakePlatform.StartAsync();
await using var service = await ServiceProcess.StartAsync(options, PlatformSecrets.ServiceSettings(platform.BaseUrl));
using var http = Transports.Client();
var transport = Transports.Create(options.Transport, http, service.BaseUrl, platform);

using var limit = new CancellationTokenSource(options.Limit);
var shapes = await TurnShapes.LearnAsync(transport, platform.Inbox, limit.Token);
if (options.Mode == "memory")
{
    return await MemoryRun.RunAsync(options, service, transport, platform.Inbox, shapes, limit.Token);
}

var warmup = new LoadFigures();
await RunAsync(warmup, Math.Min(options.Users, 50), options.Warmup, limit.Token);
await Task.Delay(TimeSpan.FromSeconds(2)); // the warm-up's filing notices

var figures = new LoadFigures();
var receivedBefore = platform.Inbox.Received;
var started = Stopwatch.GetTimestamp();
await RunAsync(figures, options.Users, options.Users * options.DialogsPerUser, limit.Token);
var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
var memory = service.Memory();
await Task.Delay(TimeSpan.FromSeconds(3)); // late notices and any duplicate would arrive now
var received = platform.Inbox.Received - receivedBefore;

Console.WriteLine(JsonSerializer.Serialize(new
{
    transport = transport.Name,
    store = string.IsNullOrWhiteSpace(options.Postgres) ? "sqlite" : "postgres",
    state = string.IsNullOrWhiteSpace(options.Redis) ? "in-process" : "redis",
    users = options.Users,
    dialogs = figures.CompletedCount,
    seconds = Math.Round(seconds, 2),
    dialogsPerSecond = Math.Round(figures.CompletedCount / seconds, 1),
    turnsPerSecond = Math.Round(figures.Turns.Count / seconds, 1),
    ackMs = new { p50 = figures.Acks.At(50), p99 = figures.Acks.At(99) },
    turnMs = new { p50 = figures.Turns.At(50), p95 = figures.Turns.At(95), p99 = figures.Turns.At(99) },
    errors = figures.FailedCount + warmup.FailedCount,
    lost = figures.FailedCount,
    duplicated = figures.FailedCount == 0 ? Math.Max(0, received - figures.ExpectedMessages) : -1,
    mix = figures.ByKind,
    peakRssMb = memory.PeakMb,
}));
return figures.FailedCount == 0 ? 0 : 1;

async Task RunAsync(LoadFigures into, int users, int dialogs, CancellationToken cancellationToken)
{
    var runner = new DialogRunner(transport, platform.Inbox, shapes, into, new RunnerSettings(options.ReplyTimeout, options.ThinkTime));
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
    {
        int number;
        while ((number = Interlocked.Increment(ref next)) < dialogs && !cancellationToken.IsCancellationRequested)
        {
            await runner.RunAsync(number, cancellationToken);
        }
    }));
}
