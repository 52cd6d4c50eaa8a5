using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;
using PhanHoi.Bot.Workflow.Tests.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Outbox;

/// <summary>
/// A notice is sent once even when the database blinks right after the platform took it, or the instance sending it
/// dies before recording it.
/// </summary>
public sealed class OutboxDispatcherTests(SqliteStoreFixture store) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_sent_notice_whose_recording_fails_for_a_moment_is_recorded_not_sent_again()
    {
        var now = Monday.AddYears(5).AddDays(Random.Shared.Next(1, 1000));
        var clock = new FakeTimeProvider(now);
        var outbox = new BlinkingStore(new SqlOutboxStore(store.Database), failures: 2);
        var sender = new CountingSender();
        var dispatcher = new OutboxDispatcher(outbox, sender, new OutboxSignal(), clock, Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);
        var submitted = New(address: new CitizenAddress("zalo", Unique("U")), submittedAt: now.AddMinutes(-1));
        await new SqlCaseRepository(store.Database, store.Protector).InsertAsync(Submitted(submitted), None);

        while (await dispatcher.DispatchOnceAsync(None) > 0)
        {
        }

        clock.Advance(TimeSpan.FromMinutes(5)); // past any lease
        await dispatcher.DispatchOnceAsync(None);

        Assert.Equal(1, sender.Sends[submitted.Id]);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await outbox.ListForCaseAsync(submitted.Id, None)).Status);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task A_notice_whose_sender_died_is_sent_again_only_if_the_chat_does_not_show_it(bool shown, int sends)
    {
        var (clock, outbox, submitted) = await QueueFiledAsync();
        var sender = new CountingSender { Shown = shown };
        var dispatcher = new OutboxDispatcher(outbox, sender, new OutboxSignal(), clock, Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);

        // The instance that died claimed it (and may have sent it) without recording anything; its lease then ends.
        Assert.Contains(await outbox.ClaimDueAsync(50, new OutboxOptions().Lease, clock.GetUtcNow(), None), m => m.CaseId == submitted);
        clock.Advance(new OutboxOptions().Lease + TimeSpan.FromSeconds(1));
        while (await dispatcher.DispatchOnceAsync(None) > 0)
        {
        }

        Assert.Equal(1, sender.Asked.GetValueOrDefault(submitted));
        Assert.Equal(sends, sender.Sends.GetValueOrDefault(submitted));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await outbox.ListForCaseAsync(submitted, None)).Status);
    }

    [Fact]
    public async Task A_notice_claimed_for_the_first_time_is_sent_without_reading_the_chat()
    {
        var (clock, outbox, submitted) = await QueueFiledAsync();
        var sender = new CountingSender { Shown = true };
        var dispatcher = new OutboxDispatcher(outbox, sender, new OutboxSignal(), clock, Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);

        while (await dispatcher.DispatchOnceAsync(None) > 0)
        {
        }

        Assert.Equal(0, sender.Asked.GetValueOrDefault(submitted));
        Assert.Equal(1, sender.Sends[submitted]);
    }

    [Theory]
    [InlineData(SendOutcome.OutsideWindow, 30, 1)] // the platform closed the window earlier than recorded
    [InlineData(SendOutcome.Sent, -1, 0)] // it waited (behind a retry) until after the window closed
    public async Task A_reminder_that_can_no_longer_arrive_in_time_is_dropped_not_held_for_later(SendOutcome outcome, int minutesLeft, int sends)
    {
        var now = Monday.AddYears(30).AddDays(Random.Shared.Next(1, 5000));
        var clock = new FakeTimeProvider(now);
        var outbox = new SqlOutboxStore(store.Database);
        var submitted = New(address: new CitizenAddress("facebook", Unique("U")), submittedAt: now.AddDays(-3));
        var until = now.AddMinutes(minutesLeft).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await new SqlCaseRepository(store.Database, store.Protector).InsertAsync(
            Submitted(submitted) with { Notices = [Notice.Of(NoticeKind.WindowClosing, submitted.Code, ("until", until))] }, None);
        var sender = new CountingSender { Outcome = new SendResult(outcome, "outside of allowed window") };
        var dispatcher = new OutboxDispatcher(outbox, sender, new OutboxSignal(), clock, Options.Create(new OutboxOptions()), NullLogger<OutboxDispatcher>.Instance);

        while (await dispatcher.DispatchOnceAsync(None) > 0)
        {
        }

        var reminder = Assert.Single(await outbox.ListForCaseAsync(submitted.Id, None));
        Assert.Equal(sends, sender.Sends.GetValueOrDefault(submitted.Id));
        Assert.Equal(OutboxStatus.Undeliverable, reminder.Status);
        Assert.Contains("window", reminder.LastError, StringComparison.Ordinal);
    }

    private async Task<(FakeTimeProvider Clock, SqlOutboxStore Outbox, Guid CaseId)> QueueFiledAsync()
    {
        var now = Monday.AddYears(20).AddDays(Random.Shared.Next(1, 5000));
        var submitted = New(address: new CitizenAddress("zalo", Unique("U")), submittedAt: now.AddMinutes(-1));
        await new SqlCaseRepository(store.Database, store.Protector).InsertAsync(Submitted(submitted), None);
        return (new FakeTimeProvider(now), new SqlOutboxStore(store.Database), submitted.Id);
    }

    private sealed class CountingSender : INoticeSender
    {
        public Dictionary<Guid, int> Sends { get; } = [];

        public Dictionary<Guid, int> Asked { get; } = [];

        public bool Shown { get; init; }

        public SendResult Outcome { get; init; } = SendResult.Sent;

        public Task<bool> WasShownAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Asked[message.CaseId] = Asked.GetValueOrDefault(message.CaseId) + 1;
            return Task.FromResult(Shown);
        }

        public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sends[message.CaseId] = Sends.GetValueOrDefault(message.CaseId) + 1;
            return Task.FromResult(Outcome);
        }
    }

    /// <summary>The first <paramref name="failures"/> writes of an outcome fail as if the database were restarting.</summary>
    private sealed class BlinkingStore(IOutboxStore inner, int failures) : IOutboxStore
    {
        private int left = failures;

        public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ClaimDueAsync(max, lease, now, cancellationToken);

        public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref left) >= 0 ? throw new IOException("database restarting") : inner.MarkSentAsync(id, at, cancellationToken);

        public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            inner.RescheduleAsync(id, nextAttemptAt, error, cancellationToken);

        public Task<int> ExpediteRetriesAsync(string channel, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ExpediteRetriesAsync(channel, now, cancellationToken);

        public Task HoldAsync(long id, string reason, CancellationToken cancellationToken) => inner.HoldAsync(id, reason, cancellationToken);

        public Task MarkUndeliverableAsync(long id, string reason, CancellationToken cancellationToken) =>
            inner.MarkUndeliverableAsync(id, reason, cancellationToken);

        public Task<int> ReleaseHeldAsync(IReadOnlyCollection<CitizenAddress> recipients, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ReleaseHeldAsync(recipients, now, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> ListForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
            inner.ListForCaseAsync(caseId, cancellationToken);
    }
}
