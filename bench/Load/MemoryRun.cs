using System.Diagnostics;
using System.Text.Json;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// Holds many conversations mid-dialog: each citizen answers the first 3 or 4 prompts of the intake (greeting, menu,
/// category, the report itself) and then stops, so the service keeps their dialog state. After an idle settle the
/// service's resident memory is read from <c>/proc</c>.
/// </summary>
public static class MemoryRun
{
    public static async Task<int> RunAsync(
        LoadOptions options, ServiceProcess service, ITransport transport, ReplyInbox inbox, TurnShapes shapes, CancellationToken cancellationToken)
    {
        var atStart = service.Memory();
        var figures = new LoadFigures();
        var runner = new DialogRunner(transport, inbox, shapes, figures, new RunnerSettings(
            options.ReplyTimeout, TimeSpan.Zero, UserPrefix: "hold", StopAfterTurns: number => 3 + (number % 2)));
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Users).Select(async _ =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) < options.Conversations && !cancellationToken.IsCancellationRequested)
            {
                await runner.RunAsync(number, cancellationToken);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var user in runner.Citizens.Keys)
        {
            inbox.Forget(user);
        }

        var loaded = service.Memory();
        await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken); // idle: background GC and trimming
        var settled = service.MemoryDetail();
        if (Environment.GetEnvironmentVariable("PHANHOI_BENCH_SMAPS") is { Length: > 0 } smaps)
        {
            // 1: the 25 biggest mappings; a bigger number: that many
            MemoryMap.Print(service.Pid, int.TryParse(smaps, out var top) && top > 1 ? top : 25);
        }

        double? afterFullGc = null;
        if (options.GcDumpTool is { } tool)
        {
            // a heap dump forces a full blocking GC first: what is left is what the conversations really hold
            await GcDump.CollectAsync(tool, service.Pid);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            afterFullGc = service.Memory().CurrentMb;
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            mode = "memory",
            transport = transport.Name,
            store = string.IsNullOrWhiteSpace(options.Postgres) ? "sqlite" : "postgres",
            state = string.IsNullOrWhiteSpace(options.Redis) ? "in-process" : "redis",
            conversations = runner.Citizens.Values.Count(c => c.Answered >= 3),
            turns = figures.Turns.Count,
            seconds = Math.Round(seconds, 1),
            errors = figures.FailedCount,
            rssAtStartMb = atStart.CurrentMb,
            rssLoadedMb = loaded.CurrentMb,
            rssSettledMb = settled.CurrentMb,
            rssAnonMb = settled.AnonMb,
            rssFileMb = settled.FileMb,
            rssAfterFullGcMb = afterFullGc,
            peakRssMb = settled.PeakMb,
            serviceEnv = options.ServiceEnv,
        }));
        return figures.FailedCount == 0 && settled.CurrentMb <= 150 ? 0 : 1;
    }
}
