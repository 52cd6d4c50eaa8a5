using System.Globalization;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// Command line: <c>--mode load|memory|fault --users 50 --dialogs 30 --warmup 200 --transport api --postgres ... --redis ...</c>;
/// memory: <c>--conversations 10000</c>; fault: <c>--fault kill9|platform-outage|duplicate|exec --fault-at 10
/// --fault-for 60 --exec "cmd" --instances 3 --reply-timeout 120 --duration 40</c>; <c>--service-env "A=1;B=2"</c> for the service;
/// <c>--api path</c>: the service's <c>.dll</c> (run with <c>dotnet</c>) or a published executable (run as it is);
/// <c>--timeline file.csv</c>: each measured turn as "ms since the run started, latency ms"; <c>--dialog phanhoi|bench</c>:
/// the dialog the citizens run (<c>bench</c>, BENCH.md's shorter one, is spoken only by the peer in <c>bench/Peer</c>).
/// </summary>
public sealed record LoadOptions(
    string Mode,
    int Users,
    int DialogsPerUser,
    int Warmup,
    string Transport,
    string? Postgres,
    string? Redis,
    string ApiDll,
    TimeSpan Limit,
    TimeSpan ThinkTime,
    int Conversations,
    IReadOnlyDictionary<string, string> ServiceEnv,
    string? Fault,
    TimeSpan FaultAt,
    TimeSpan FaultFor,
    string? Exec,
    int Instances,
    TimeSpan ReplyTimeout,
    string? Scenario,
    TimeSpan Duration,
    string? GcDumpTool,
    string? Timeline,
    string Dialog)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string? Get(string key) => map.TryGetValue(key, out var value) ? value : null;
        int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Seconds(string key, double fallback) =>
            TimeSpan.FromSeconds(Get(key) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback);
        var serviceEnv = (Get("service-env") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);
        return new LoadOptions(
            Get("mode") ?? "load",
            Int("users", 50),
            Int("dialogs", 30),
            Int("warmup", 200),
            Get("transport") ?? "api",
            Get("postgres") ?? Environment.GetEnvironmentVariable("PHANHOI_TEST_POSTGRES"),
            Get("redis") ?? Environment.GetEnvironmentVariable("PHANHOI_TEST_REDIS"),
            Get("api") ?? Path.GetFullPath("src/Api/bin/Release/net10.0/PhanHoi.Bot.Api.dll"),
            Seconds("limit", 300),
            TimeSpan.FromMilliseconds(double.Parse(Get("think") ?? "0", CultureInfo.InvariantCulture)),
            Int("conversations", 10_000),
            serviceEnv,
            Get("fault"),
            Seconds("fault-at", 10),
            Seconds("fault-for", 0),
            Get("exec"),
            Int("instances", 1),
            Seconds("reply-timeout", 20),
            Get("scenario"),
            Seconds("duration", 40),
            Get("gcdump"),
            Get("timeline"),
            Get("dialog") ?? "phanhoi");
    }
}
