using System.Globalization;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;
using static PhanHoi.Bot.Workflow.Tests.Storage.TestCases;

namespace PhanHoi.Bot.Workflow.Tests.Storage;

/// <summary>
/// What every <see cref="IChatWindowStore"/> must do. Each test works on a channel name of its own, so the citizens of
/// other tests are never in its rounds. The window is Messenger's: 24 hours, reminders from 15 hours on.
/// </summary>
public abstract class ChatWindowStoreContract(StoreFixture store)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly TimeSpan Lead = TimeSpan.FromHours(9);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(15);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqlCaseRepository cases = new(store.Database, store.Protector);
    private readonly SqlOutboxStore outbox = new(store.Database);
    private readonly SqlChatWindowStore windows = new(store.Database);
    private readonly string channel = Unique("ch").ToLowerInvariant();
    private readonly DateTimeOffset wrote = Monday.AddYears(2).AddDays(Random.Shared.Next(1, 3000));

    [Fact]
    public async Task A_citizen_with_a_case_being_handled_is_reminded_once_through_the_outbox_before_the_window_closes()
    {
        var (alice, aliceCase) = await FileAsync(CaseState.InProgress);
        await windows.RecordInteractionsAsync([alice], wrote, None);

        var tooEarly = await RemindAsync(wrote.AddHours(14));
        var due = await RemindAsync(wrote.AddHours(16));
        var again = await RemindAsync(wrote.AddHours(17));

        Assert.Equal((0, 1, 0), (tooEarly, due, again));
        var reminder = Assert.Single(await outbox.ListForCaseAsync(aliceCase, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
        Assert.Equal(alice, reminder.Recipient);
        Assert.Equal(OutboxStatus.Pending, reminder.Status);
        Assert.Equal(wrote + Window, DateTimeOffset.Parse(reminder.Notice.Values["until"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Nobody_is_reminded_whose_case_is_over_whose_window_is_nearly_closed_who_has_a_notice_held_or_is_barred()
    {
        var (closed, _) = await FileAsync(CaseState.Closed);
        var (answered, _) = await FileAsync(CaseState.Completed);
        var (held, heldCase) = await FileAsync(CaseState.InProgress);
        var (late, _) = await FileAsync(CaseState.AwaitingInfo);
        var (fine, fineCase) = await FileAsync(CaseState.Rebutted);
        var (blocked, _) = await FileAsync(CaseState.InProgress);
        var (locked, _) = await FileAsync(CaseState.InProgress);
        var accounts = new SqlCitizenAccountRepository(store.Database);
        await accounts.SaveAsync(new CitizenAccount(blocked, CitizenStatus.Blocked, null, "vu khống"), None);
        await accounts.SaveAsync(new CitizenAccount(locked, CitizenStatus.Locked, wrote.AddDays(3), "gửi tin dồn dập"), None);
        var noCase = new CitizenAddress(channel, Unique("U"));
        await outbox.HoldAsync((await outbox.ListForCaseAsync(heldCase, None))[0].Id, "outside the 24-hour window", None);

        await windows.RecordInteractionsAsync([closed, answered, held, noCase, fine, blocked, locked], wrote, None);
        await windows.RecordInteractionsAsync([new CitizenAddress("zalo", fine.UserId)], wrote, None); // another channel's round
        await windows.RecordInteractionsAsync([late], wrote.AddHours(-4).AddMinutes(10), None);

        // 20 hours after the others wrote; `late`'s window closes 10 minutes from now, inside the 15-minute margin.
        var queued = await RemindAsync(wrote.AddHours(20));

        Assert.Equal(1, queued);
        Assert.Single(await outbox.ListForCaseAsync(fineCase, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
    }

    [Fact]
    public async Task Writing_again_starts_a_new_window_and_an_older_time_never_replaces_a_newer_one()
    {
        var (alice, aliceCase) = await FileAsync(CaseState.Submitted);
        await windows.RecordInteractionsAsync([alice], wrote, None);
        Assert.Equal(1, await RemindAsync(wrote.AddHours(16)));

        var wroteAgain = wrote.AddHours(20);
        await windows.RecordInteractionsAsync([alice], wroteAgain, None);
        await windows.RecordInteractionsAsync([alice], wrote.AddHours(1), None); // a delayed batch from before
        var onTheOldWindow = await RemindAsync(wrote.AddHours(1 + 16));
        var onTheNewWindow = await RemindAsync(wroteAgain.AddHours(16));

        Assert.Equal((0, 1), (onTheOldWindow, onTheNewWindow));
        Assert.Equal(2, (await outbox.ListForCaseAsync(aliceCase, None)).Count(m => m.Notice.Kind == NoticeKind.WindowClosing));
    }

    [Fact]
    public async Task Citizens_who_last_wrote_before_a_time_are_forgotten_on_that_channel_only()
    {
        var (old, _) = await FileAsync(CaseState.InProgress);
        var (recent, recentCase) = await FileAsync(CaseState.InProgress);
        await windows.RecordInteractionsAsync([old], wrote.AddDays(-3), None);
        await windows.RecordInteractionsAsync([recent], wrote, None);

        var otherChannel = await windows.ForgetBeforeAsync("zalo-" + channel, wrote, None);
        var forgotten = await windows.ForgetBeforeAsync(channel, wrote.AddDays(-1), None);
        var again = await windows.ForgetBeforeAsync(channel, wrote.AddDays(-1), None);

        Assert.Equal((0, 1, 0), (otherChannel, forgotten, again));
        Assert.Equal(1, await RemindAsync(wrote.AddHours(16))); // the one who wrote recently is still remembered
        Assert.Single(await outbox.ListForCaseAsync(recentCase, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
    }

    [Fact]
    public async Task The_reminder_names_the_citizens_latest_open_case()
    {
        var alice = new CitizenAddress(channel, Unique("U"));
        var older = New(address: alice, submittedAt: wrote.AddDays(-10));
        var newer = New(address: alice, submittedAt: wrote.AddDays(-2));
        var finished = New(address: alice, submittedAt: wrote.AddDays(-1)) with { State = CaseState.Rejected };
        foreach (var filed in new[] { older, newer, finished })
        {
            await cases.InsertAsync(Submitted(filed), None);
        }

        await windows.RecordInteractionsAsync([alice], wrote, None);
        await RemindAsync(wrote.AddHours(16));

        var reminder = Assert.Single(await outbox.ListForCaseAsync(newer.Id, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
        Assert.Equal(newer.Code, reminder.Notice.CaseCode);
        Assert.DoesNotContain(await outbox.ListForCaseAsync(older.Id, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
    }

    [Fact]
    public async Task Instances_reminding_at_once_queue_one_reminder_per_citizen()
    {
        var citizens = new List<(CitizenAddress Address, Guid CaseId)>();
        for (var i = 0; i < 8; i++)
        {
            citizens.Add(await FileAsync(CaseState.InProgress));
        }

        await windows.RecordInteractionsAsync([.. citizens.Select(c => c.Address)], wrote, None);
        var instances = Enumerable.Range(0, 4).Select(_ => store.OpenAnother()).ToList();
        try
        {
            var now = wrote.AddHours(16);
            var queued = await Task.WhenAll(instances.Select(db => Task.Run(() => new SqlChatWindowStore(db).QueueRemindersAsync(
                channel, now - Window + Margin, now - Window + Lead, Window, now, 200, None))));

            Assert.Equal(citizens.Count, queued.Sum());
            foreach (var (_, caseId) in citizens)
            {
                Assert.Single(await outbox.ListForCaseAsync(caseId, None), m => m.Notice.Kind == NoticeKind.WindowClosing);
            }
        }
        finally
        {
            foreach (var db in instances)
            {
                await db.DisposeAsync();
            }
        }
    }

    private Task<int> RemindAsync(DateTimeOffset now, TimeSpan? margin = null) =>
        windows.QueueRemindersAsync(channel, now - Window + (margin ?? Margin), now - Window + Lead, Window, now, 200, None);

    private async Task<(CitizenAddress Address, Guid CaseId)> FileAsync(CaseState state)
    {
        var address = new CitizenAddress(channel, Unique("U"));
        var filed = New(address: address, submittedAt: wrote.AddDays(-3)) with { State = state };
        await cases.InsertAsync(Submitted(filed), None);
        return (address, filed.Id);
    }
}

public sealed class ChatWindowStoreSqliteTests(SqliteStoreFixture store) : ChatWindowStoreContract(store), IClassFixture<SqliteStoreFixture>;

public sealed class ChatWindowStorePostgresTests(PostgresStoreFixture store) : ChatWindowStoreContract(store), IClassFixture<PostgresStoreFixture>;
