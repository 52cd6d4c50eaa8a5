using System.Diagnostics;
using System.Text.Json;
using PhanHoi.Bot.Bench.Load;

// Closed-loop intake load against the real service process (BENCH.md workload); prints one JSON line per run.
var options = LoadOptions.Parse(args);
await using var platform = await FakePlatform.StartAsync();
await using var service = await ServiceProcess.StartAsync(options, PlatformSecrets.ServiceSettings(platform.BaseUrl));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(30),
};
ITransport transport = options.Transport switch
{
    "api" => new BotFrameworkTransport(http, service.BaseUrl, platform.BaseUrl),
    "zalo" => new ZaloTransport(http, service.BaseUrl),
    "facebook" => new MessengerTransport(http, service.BaseUrl),
    _ => throw new ArgumentException($"Unknown transport '{options.Transport}' (api, zalo, facebook)."),
};

using var limit = new CancellationTokenSource(options.Limit);
var shapes = await TurnShapes.LearnAsync(transport, platform.Inbox, limit.Token);
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
    var runner = new DialogRunner(transport, platform.Inbox, shapes, into, TimeSpan.FromSeconds(20), options.ThinkTime);
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
