namespace PhanHoi.Bot.Bench.Load;

/// <summary>Command line: <c>--users 50 --dialogs 30 --warmup 200 --transport api --postgres ... --redis ...</c>.</summary>
public sealed record LoadOptions(
    int Users,
    int DialogsPerUser,
    int Warmup,
    string Transport,
    string? Postgres,
    string? Redis,
    string ApiDll,
    TimeSpan Limit,
    TimeSpan ThinkTime)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string? Get(string key) => map.TryGetValue(key, out var value) ? value : null;
        return new LoadOptions(
            int.Parse(Get("users") ?? "50", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("dialogs") ?? "30", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("warmup") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
            Get("transport") ?? "api",
            Get("postgres") ?? Environment.GetEnvironmentVariable("PHANHOI_TEST_POSTGRES"),
            Get("redis") ?? Environment.GetEnvironmentVariable("PHANHOI_TEST_REDIS"),
            Get("api") ?? Path.GetFullPath("src/Api/bin/Release/net10.0/PhanHoi.Bot.Api.dll"),
            TimeSpan.FromSeconds(double.Parse(Get("limit") ?? "300", System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(double.Parse(Get("think") ?? "0", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
