using System.Diagnostics;
using System.Globalization;
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

await using var platform = await FakePlatform.StartAsync(keepConversations: false);
await using var service = await ServiceProcess.StartAsync(options, PlatformSecrets.ServiceSettings(platform.BaseUrl));
using var http = Transports.Client();
var transport = Transports.Create(options.Transport, http, service.BaseUrl, platform);

using var limit = new CancellationTokenSource(options.Limit);
var shapes = await TurnShapes.LearnAsync(transport, platform.Inbox, DialogScripts.Named(options.Dialog), limit.Token);
if (options.Mode == "memory")
{
    return await MemoryRun.RunAsync(options, service, transport, platform.Inbox, shapes, limit.Token);
}

// The warm-up runs at the run's concurrency and flows straight into the measured dialogs, so they are measured in a
// steady state (connections, pools and the collector's heaps sized as the run needs them) rather than from 200
// citizens all sending their first message in the same millisecond after an idle pause.
var warmup = new LoadFigures();
var figures = new LoadFigures();
var receivedBefore = platform.Inbox.Received;
var runnerSettings = new RunnerSettings(options.ReplyTimeout, options.ThinkTime);
var warmupRunner = new DialogRunner(transport, platform.Inbox, shapes, warmup, runnerSettings);
var runner = new DialogRunner(transport, platform.Inbox, shapes, figures, runnerSettings);
var total = options.Warmup + options.Users * options.DialogsPerUser;
var started = 0L;
var gcBefore = DriverGc.Now();
var cpuBefore = default(CpuTime);
var next = -1;
await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async _ =>
{
    int number;
    while ((number = Interlocked.Increment(ref next)) < total && !limit.IsCancellationRequested)
    {
        if (number == options.Warmup)
        {
            gcBefore = DriverGc.Now();
            cpuBefore = CpuTime.Now(service.Pid);
            started = Stopwatch.GetTimestamp(); // the first measured dialog starts
        }

        await (number < options.Warmup ? warmupRunner : runner).RunAsync(number, limit.Token);
    }
}));
var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
var driverGc = DriverGc.Now() - gcBefore;
var turnsInWindow = figures.Turns.Count + warmup.TurnsSince(started); // warm-up dialogs still running at its start did some
var cpuPerTurn = (CpuTime.Now(service.Pid) - cpuBefore).PerTurn(turnsInWindow);
var turnsPerDialog = figures.Turns.Count / (double)Math.Max(1, figures.CompletedCount);
var memory = service.Memory();
await Task.Delay(TimeSpan.FromSeconds(3)); // late notices and any duplicate would arrive now
var received = platform.Inbox.Received - receivedBefore;

// dialogsPerSecond: the turns answered in the measured window, in dialogs of the mix; measuredDialogsPerSecond: only
// the measured dialogs, over the same window (lower: the window opens with the warm-up's last dialogs still running).
Console.WriteLine(JsonSerializer.Serialize(new
{
    transport = transport.Name,
    store = string.IsNullOrWhiteSpace(options.Postgres) ? "sqlite" : "postgres",
    state = string.IsNullOrWhiteSpace(options.Redis) ? "in-process" : "redis",
    inbox = service.InboxStore,
    users = options.Users,
    dialogs = figures.CompletedCount,
    seconds = Math.Round(seconds, 2),
    dialogsPerSecond = turnsPerDialog > 0 ? Math.Round(turnsInWindow / turnsPerDialog / seconds, 1) : 0,
    measuredDialogsPerSecond = Math.Round(figures.CompletedCount / seconds, 1),
    turnsPerSecond = Math.Round(turnsInWindow / seconds, 1),
    ackMs = new { p50 = figures.Acks.At(50), p99 = figures.Acks.At(99) },
    turnMs = new { p50 = figures.Turns.At(50), p95 = figures.Turns.At(95), p99 = figures.Turns.At(99) },
    errors = figures.FailedCount + warmup.FailedCount,
    lost = figures.FailedCount,
    duplicated = figures.FailedCount + warmup.FailedCount == 0 ? Math.Max(0, received - warmup.ExpectedMessages - figures.ExpectedMessages) : -1,
    mix = figures.ByKind,
    peakRssMb = memory.PeakMb,
    cpuUsPerTurn = new { service = cpuPerTurn.Service, machine = cpuPerTurn.Machine },
}));

// The driver shares the cores with the service: its own pauses would be counted as turn latency, so they are shown.
Console.Error.WriteLine($"driver GC in the measured window: {driverGc.Collections} collections ({driverGc.Full} full), paused {driverGc.Paused.TotalMilliseconds:F0} ms");
Console.Error.WriteLine($"turn until its last reply reached the platform: p50 {figures.ToPlatform.At(50)} / p95 {figures.ToPlatform.At(95)} / p99 {figures.ToPlatform.At(99)} ms");
foreach (var ((kind, step), latencies) in figures.TurnsByStep.OrderBy(s => s.Key.Kind, StringComparer.Ordinal).ThenBy(s => s.Key.Step))
{
    Console.Error.WriteLine($"turn {kind}#{step:D2}: n {latencies.Count}, p50 {latencies.At(50)} ms, p99 {latencies.At(99)} ms");
}

if (options.Timeline is { } timelinePath)
{
    File.WriteAllLines(timelinePath, figures.Timeline
        .OrderBy(turn => turn.At)
        .Select(turn => string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(started, turn.At).TotalMilliseconds:F1},{turn.Ms:F1}")));
}

return figures.FailedCount == 0 ? 0 : 1;
