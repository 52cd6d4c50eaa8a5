using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Sla;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>
/// <c>Calendar:Holidays</c> set in environment variables (as README documents) changes only with a restart: each instance
/// counts the open deadlines again when it starts, and instances starting together move each case once (SPEC §3).
/// </summary>
public abstract class CalendarChangeWatcherContract(StoreFixture store)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, LocalClock.Offset);
    private static readonly Actor Reception = Actor.Staff("u", "TTPVHCC", StaffRole.Reception);

    [Fact]
    public async Task Instances_restarted_with_an_announced_day_off_move_open_deadlines_once_at_start()
    {
        // Stored before the restart, on a calendar without the swapped day: resolve by Monday 16/03/2026.
        using var before = new WorkingDayCalendar();
        var workflow = new CaseWorkflow(before);
        var cases = new SqlCaseRepository(store.Database, store.Protector);
        var submitted = Assert.IsType<Transition>(workflow.Submit(
            new NewCase(CaseChannel.Counter, "giao-thong", "Đèn đường hỏng.", false, new CitizenDetails("Lê Văn Nam", "+84912345678"), null, []),
            Guid.NewGuid(), CaseCodeGenerator.NewCode(), "TTPVHCC", Reception, Monday));
        await cases.InsertAsync(submitted, CancellationToken.None);
        var accepted = Assert.IsType<Transition>(workflow.Apply(submitted.Case, new AcceptCommand("SXD", null), Reception, Monday));
        await cases.UpdateAsync(accepted, submitted.Case.Version, CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 3, 16), accepted.Case.Deadlines.ResolveBy);

        // The restart: Calendar__Holidays__0=2026-03-05, read once, never reloaded. Two instances start together.
        var restarted = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:Holidays:0"] = "2026-03-05" })
            .Build();
        await using var first = new Instance(store.OpenAnother(), store.Protector, restarted);
        await using var second = new Instance(store.OpenAnother(), store.Protector, restarted);

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var moved = await Task.WhenAll(first.RecomputedAsync(), second.RecomputedAsync());

        var stored = await cases.FindByIdAsync(submitted.Case.Id, CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 3, 17), stored!.Deadlines.ResolveBy);
        Assert.Equal(1, moved.Sum());
        var history = await cases.HistoryAsync(submitted.Case.Id, CancellationToken.None);
        Assert.Single(history, h => h.Action == CaseAction.RecomputeDeadlines);

        // A later start on the same calendar finds nothing to move.
        await using var third = new Instance(store.OpenAnother(), store.Protector, restarted);
        await third.StartAsync();
        Assert.Equal(0, await third.RecomputedAsync());
        Assert.Single(await cases.HistoryAsync(submitted.Case.Id, CancellationToken.None), h => h.Action == CaseAction.RecomputeDeadlines);
        Assert.All(first.Messages.Concat(second.Messages), m => Assert.DoesNotContain(submitted.Case.Code, m, StringComparison.Ordinal));
    }

    /// <summary>One application instance: its own store handle, calendar from configuration, and watcher.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly StoreDatabase database;
        private readonly ServiceProvider services;
        private readonly OutboxSignal signal = new();
        private readonly RecordingLogger<DeadlineRecomputation> log = new();
        private readonly CalendarChangeWatcher watcher;

        public Instance(StoreDatabase database, Privacy.IPersonalDataProtector protector, IConfiguration configuration)
        {
            this.database = database;
            services = new ServiceCollection().AddWorkingCalendar(configuration).BuildServiceProvider();
            var calendar = services.GetRequiredService<IWorkingCalendar>();
            var clock = new FakeTimeProvider(Monday.AddDays(1));
            var recomputation = new DeadlineRecomputation(
                new SqlCaseRepository(database, protector), new CaseWorkflow(calendar), calendar, signal, clock, log);
            watcher = new CalendarChangeWatcher(
                services.GetRequiredService<IOptionsMonitor<CalendarOptions>>(), recomputation, clock, NullLogger<CalendarChangeWatcher>.Instance);
        }

        public IEnumerable<string> Messages => log.Entries.Select(e => e.Message);

        public Task StartAsync() => watcher.StartAsync(CancellationToken.None);

        /// <summary>How many cases this instance moved in its first recomputation.</summary>
        public async Task<int> RecomputedAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (log.Entries.IsEmpty)
            {
                await Task.Delay(20, timeout.Token);
            }

            return Assert.IsType<int>(log.Entries.First().Values["Count"]);
        }

        public async ValueTask DisposeAsync()
        {
            await watcher.StopAsync(CancellationToken.None);
            watcher.Dispose();
            signal.Dispose();
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}

/// <summary>Log entries kept with their template values, to check what was logged and that nothing personal was.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(string Message, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue((formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
    }
}

public sealed class CalendarChangeWatcherSqliteTests(SqliteStoreFixture store) : CalendarChangeWatcherContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class CalendarChangeWatcherPostgresTests(PostgresStoreFixture store) : CalendarChangeWatcherContract(store), IClassFixture<PostgresStoreFixture>;
