using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using PhanHoi.Bot.Bench.CaseList;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Statistics;
using PhanHoi.Bot.Workflow.Storage;

// Usage: phanhoi-caselist [--cases N] [--runs N] [--database NAME] [--drop] [--only q1,q2]
//        (server: PHANHOI_BENCH_POSTGRES or PHANHOI_TEST_POSTGRES)
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
var caseCount = int.Parse(options.GetValueOrDefault("cases", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("runs", "100"), CultureInfo.InvariantCulture);
var server = Environment.GetEnvironmentVariable("PHANHOI_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PHANHOI_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set PHANHOI_BENCH_POSTGRES to a PostgreSQL connection string (a fresh database is created on that server).");
var today = new DateOnly(2026, 6, 30);
var only = options.TryGetValue("only", out var names) ? names.Split(',').ToHashSet(StringComparer.Ordinal) : null;

var name = options.GetValueOrDefault("database", $"phanhoi_bench_{caseCount}");
var reuse = await DatabaseExistsAsync(server, name);
if (!reuse)
{
    await ExecuteAsync(server, $"CREATE DATABASE {name}");
}

// A fixed key: the bench's cases are made up, and a rerun against the kept database must read them.
using var protector = new AesGcmPersonalDataProtector(System.Text.Encoding.ASCII.GetBytes("phanhoi-bench-key-not-a-secret!!"));
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
await using var database = new PostgresDatabase(connectionString);
var migration = Stopwatch.StartNew();
var applied = await Migrator.MigrateAsync(database, CancellationToken.None);
if (reuse && applied.Count > 0)
{
    // A kept database brought to the new schema: time it, then refresh statistics and the visibility map as an operator would.
    var migrated = migration.Elapsed.TotalSeconds;
    await ExecuteAsync(connectionString, "VACUUM ANALYZE");
    Print(new { step = "migrate", scripts = applied.Select(s => s.Name), seconds = Math.Round(migrated, 1), withVacuum = Math.Round(migration.Elapsed.TotalSeconds, 1) });
}

if (!reuse)
{
    var load = Stopwatch.StartNew();
    await CaseLoader.LoadAsync(database.DataSource, protector, new CaseGenerator(today, seed: 115), caseCount, n => Console.Error.WriteLine($"loaded {n:N0} cases ({load.Elapsed.TotalSeconds:F0} s)"));
    await ExecuteAsync(connectionString, "VACUUM ANALYZE");
    Print(new { step = "load", cases = caseCount, seconds = Math.Round(load.Elapsed.TotalSeconds, 1) });
}

var cases = new SqlCaseRepository(database, protector);
var statistics = new SqlStatisticsQuery(database, new WorkingDayCalendar((CalendarOptions?)null));
var random = new Random(7);
string Agency() => CaseGenerator.Agencies[random.Next(CaseGenerator.Agencies.Length)];
string BigAgency() => CaseGenerator.Agencies[random.Next(8)];

var listQueries = new (string Name, Func<CaseQuery> Query)[]
{
    ("all_page1", () => new CaseQuery(today)),
    ("scope_page1", () => new CaseQuery(today, ScopeAgency: Agency())),
    ("scope_big_page1", () => new CaseQuery(today, ScopeAgency: BigAgency())),
    ("scope_state_in_progress", () => new CaseQuery(today, ScopeAgency: Agency(), State: CaseState.InProgress)),
    ("scope_overdue", () => new CaseQuery(today, ScopeAgency: Agency(), Overdue: true)),
    ("scope_category", () => new CaseQuery(today, ScopeAgency: BigAgency(), Category: CaseGenerator.Categories[random.Next(CaseGenerator.Categories.Length)])),
    ("reception_submitted", () => new CaseQuery(today, ScopeAgency: "TTPVHCC", State: CaseState.Submitted)),
    ("supervisor_overdue", () => new CaseQuery(today, Overdue: true)),
    ("category_page1", () => new CaseQuery(today, Category: CaseGenerator.Categories[random.Next(CaseGenerator.Categories.Length)])),
    ("text_q", () => new CaseQuery(today, Text: CaseGenerator.Words[random.Next(CaseGenerator.Words.Length)])),
    ("scope_text_q", () => new CaseQuery(today, ScopeAgency: BigAgency(), Text: CaseGenerator.Words[random.Next(CaseGenerator.Words.Length)])),
    ("scope_page10", () => new CaseQuery(today, ScopeAgency: BigAgency(), Page: 10)),
    ("scope_page50", () => new CaseQuery(today, ScopeAgency: BigAgency(), Page: 50)),
    ("public_page1", () => new CaseQuery(today, PublishedOnly: true)),
    ("public_category_page3", () => new CaseQuery(today, PublishedOnly: true, Category: CaseGenerator.Categories[random.Next(CaseGenerator.Categories.Length)], Page: 3)),
    ("text_q_no_diacritics", () => new CaseQuery(today, Text: AccentFolding.Fold(CaseGenerator.Words[random.Next(CaseGenerator.Words.Length)]))),
    ("public_text_q", () => new CaseQuery(today, PublishedOnly: true, Text: CaseGenerator.Words[random.Next(CaseGenerator.Words.Length)])),
};

foreach (var (queryName, query) in listQueries.Where(q => only is null || only.Contains(q.Name)))
{
    await MeasureAsync(queryName, Math.Max(runs / 10, 3), runs, () => cases.SearchAsync(query(), CancellationToken.None));
}

var quarterFrom = new DateOnly(2026, 1, 1);
var quarterTo = new DateOnly(2026, 3, 31);
if (only is null || only.Contains("stats_quarter_all"))
{
    await MeasureAsync("stats_quarter_all", 2, Math.Max(runs / 5, 5), () => statistics.ComputeAsync(new StatisticsQuery(quarterFrom, quarterTo, null, today), CancellationToken.None));
}

if (only is null || only.Contains("stats_quarter_agency"))
{
    await MeasureAsync("stats_quarter_agency", 2, Math.Max(runs / 5, 5), () => statistics.ComputeAsync(new StatisticsQuery(quarterFrom, quarterTo, BigAgency(), today), CancellationToken.None));
}

if (options.ContainsKey("drop"))
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(server, $"DROP DATABASE {name} WITH (FORCE)");
}

static async Task MeasureAsync<T>(string name, int warmup, int runs, Func<Task<T>> run)
{
    for (var i = 0; i < warmup; i++)
    {
        await run();
    }

    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Print(new { query = name, runs, p50 = Round(At(times, 0.50)), p95 = Round(At(times, 0.95)), max = Round(times[^1]) });
}

static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

static double Round(double ms) => Math.Round(ms, 2);

static void Print(object line) => Console.WriteLine(JsonSerializer.Serialize(line));

static async Task<bool> DatabaseExistsAsync(string server, string name)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
    command.Parameters.AddWithValue("name", name);
    return await command.ExecuteScalarAsync() is not null;
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}
