using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Workflow.Tests.Outbox;

/// <summary>Citizens who wrote get their held notices released off the turn's path, many per statement, none forgotten.</summary>
public sealed class HeldNoticeReleasesTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly CitizenAddress Alice = new("zalo", "alice");
    private static readonly CitizenAddress Bob = new("zalo", "bob");
    private static readonly CitizenAddress Carol = new("facebook", "carol");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
    private readonly ScriptedOutbox outbox = new();
    private readonly OutboxSignal signal = new();
    private readonly HeldNoticeReleases releases;

    public HeldNoticeReleasesTests() => releases = new HeldNoticeReleases(outbox, signal, clock, NullLogger<HeldNoticeReleases>.Instance);

    public Task InitializeAsync() => releases.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        outbox.Open();
        await releases.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        releases.Dispose();
        signal.Dispose();
    }

    [Fact]
    public async Task Citizens_who_write_while_a_release_runs_are_released_together_by_the_next_one()
    {
        outbox.Gate();
        releases.Request(Alice);
        await outbox.WaitForCallsAsync(1);

        releases.Request(Bob);
        releases.Request(Carol);
        releases.Request(Bob);
        outbox.Open();
        await outbox.WaitForCallsAsync(2);

        Assert.Equal([[Alice], [Bob, Carol]], outbox.Batches.Select(b => b.OrderBy(c => c.UserId, StringComparer.Ordinal).ToArray()));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)); // notices became pending: the dispatcher is woken
    }

    [Fact]
    public async Task A_release_that_fails_is_tried_again_with_the_citizens_who_wrote_meanwhile()
    {
        outbox.FailNext();
        releases.Request(Alice);
        await outbox.WaitForCallsAsync(1);
        releases.Request(Bob);

        var deadline = DateTime.UtcNow + Patience;
        while (outbox.Batches.Count < 2 && DateTime.UtcNow < deadline)
        {
            clock.Advance(HeldNoticeReleases.RetryDelay);
            await Task.Delay(20);
        }

        Assert.Equal(2, outbox.Batches.Count);
        Assert.Equal([Alice, Bob], outbox.Batches[1].OrderBy(c => c.UserId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stopping_still_releases_the_citizens_already_asked_for()
    {
        outbox.Gate();
        releases.Request(Alice);
        await outbox.WaitForCallsAsync(1);
        releases.Request(Carol);

        var stopping = releases.StopAsync(CancellationToken.None);
        outbox.Open();
        await stopping;

        Assert.Contains(outbox.Batches, b => b.Contains(Carol));
    }

    [Fact]
    public async Task Citizens_on_a_windowed_platform_have_their_window_recorded_from_the_earliest_message_of_the_batch()
    {
        var windows = new RecordingChatWindows();
        using var recording = RecordingWindows(windows);
        outbox.Gate();
        await recording.StartAsync(CancellationToken.None);
        var first = clock.GetUtcNow();
        recording.Request(Alice);
        await outbox.WaitForCallsAsync(1);

        recording.Request(Carol);
        clock.Advance(TimeSpan.FromSeconds(2));
        recording.Request(Bob);
        outbox.Open();
        await outbox.WaitForCallsAsync(2);
        await recording.StopAsync(CancellationToken.None);

        // Alice and Bob write on Zalo, which has no window configured here: only Carol's is recorded.
        var recorded = Assert.Single(windows.Recorded, r => r.Citizens.Length > 0);
        Assert.Equal([Carol], recorded.Citizens);
        Assert.Equal(first, recorded.At);
    }

    [Fact]
    public async Task A_citizen_in_the_middle_of_a_dialog_has_their_window_recorded_once_per_ten_minutes_not_per_message()
    {
        var windows = new RecordingChatWindows();
        using var recording = RecordingWindows(windows);
        await recording.StartAsync(CancellationToken.None);
        var first = clock.GetUtcNow();

        recording.Request(Carol);
        await outbox.WaitForCallsAsync(1);
        clock.Advance(TimeSpan.FromMinutes(5));
        recording.Request(Carol);
        await outbox.WaitForCallsAsync(2);
        clock.Advance(TimeSpan.FromMinutes(6));
        recording.Request(Carol);
        await outbox.WaitForCallsAsync(3);
        var deadline = DateTime.UtcNow + Patience;
        while (windows.Recorded.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await recording.StopAsync(CancellationToken.None);

        Assert.Equal([first, first.AddMinutes(11)], windows.Recorded.Select(r => r.At));
        Assert.All(windows.Recorded, r => Assert.Equal([Carol], r.Citizens));
    }

    /// <summary>Releases that also record windows, for Messenger only (Zalo has no window configured here).</summary>
    private HeldNoticeReleases RecordingWindows(RecordingChatWindows windows)
    {
        var reminders = new WindowReminderOptions();
        reminders.UseWindow("facebook", TimeSpan.FromHours(24), TimeSpan.FromHours(9));
        return new HeldNoticeReleases(outbox, signal, clock, NullLogger<HeldNoticeReleases>.Instance, windows, Options.Create(reminders));
    }

    /// <summary>Records each release; can hold one back until opened, or fail the next.</summary>
    private sealed class ScriptedOutbox : IOutboxStore
    {
        private readonly ConcurrentQueue<CitizenAddress[]> batches = new();
        private TaskCompletionSource gate = Opened();
        private int failNext;

        public IReadOnlyList<CitizenAddress[]> Batches => [.. batches];

        public void Gate() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => gate.TrySetResult();

        public void FailNext() => failNext = 1;

        public async Task WaitForCallsAsync(int count)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (batches.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{count} release(s) expected, {batches.Count} made.");
                await Task.Delay(10);
            }
        }

        public async Task<int> ReleaseHeldAsync(IReadOnlyCollection<CitizenAddress> recipients, DateTimeOffset now, CancellationToken cancellationToken)
        {
            batches.Enqueue([.. recipients]);
            if (Interlocked.Exchange(ref failNext, 0) == 1)
            {
                throw new TimeoutException("the database is restarting");
            }

            await gate.Task.WaitAsync(cancellationToken);
            return recipients.Count;
        }

        public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task HoldAsync(long id, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ExpediteRetriesAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkUndeliverableAsync(long id, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxMessage>> ListForCaseAsync(Guid caseId, CancellationToken cancellationToken) => throw new NotSupportedException();

        private static TaskCompletionSource Opened()
        {
            var opened = new TaskCompletionSource();
            opened.SetResult();
            return opened;
        }
    }
}
