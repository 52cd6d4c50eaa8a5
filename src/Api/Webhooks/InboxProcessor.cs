using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Drains the webhook inbox: each citizen event runs through the same turn pipeline as <c>/api/messages</c>, and
/// the turn's replies then go out through the channel's platform. An outage does not re-run the turn: the replies
/// not yet delivered become a follow-up inbox item, retried with backoff. After the citizen wrote, notices held
/// because the platform's window was closed are released, in order.
/// </summary>
public sealed partial class InboxProcessor(
    IInboxStore inbox,
    ActivityProcessor processor,
    IEnumerable<IChatPlatform> platforms,
    HeldNoticeReleases heldNotices,
    InboxSignal signal,
    ChannelRecovery recovery,
    TimeProvider clock,
    IOptions<InboxOptions> options,
    AttachmentKeeper attachments,
    ILogger<InboxProcessor> logger,
    TurnScheduler? turns = null) : BackgroundService
{
    private readonly Dictionary<string, IChatPlatform> byChannel = platforms.ToDictionary(p => p.Channel, StringComparer.OrdinalIgnoreCase);

    /// <summary>Handles items continuously, several conversations at once (see <see cref="InboxDispatcher"/>).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new InboxDispatcher(inbox, signal, clock, options.Value, logger, turns).RunAsync(HandleAsync, stoppingToken);

    private async Task HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            if (item.Unreadable)
            {
                // No retry will read it, and waiting would hold up everything the citizen sends after it.
                LogSetAside(logger, item.Id, item.Source);
                await inbox.SetAsideAsync(item.Id, clock.GetUtcNow(), UnreadableReason, cancellationToken);
                return;
            }

            var envelope = InboxEnvelope.Deserialize(item.Payload);
            if (envelope is null || !byChannel.TryGetValue(item.Source, out var platform))
            {
                LogUnusable(logger, item.Id, item.Source);
                await inbox.CompleteAsync(item.Id, clock.GetUtcNow(), cancellationToken);
                return;
            }

            if (envelope.Activity is { } activity)
            {
                await RunTurnAsync(item, platform, activity, cancellationToken);
            }
            else
            {
                await DeliverRestAsync(item, platform, envelope, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogItemFailed(logger, item.Id, item.Source, ex.GetType().Name);
            await ReleaseAsync(item, ex.GetType().Name, cancellationToken);
        }
    }

    private async Task RunTurnAsync(InboxItem item, IChatPlatform platform, Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From?.Id ?? string.Empty;
        if (activity.Attachments is { Count: > 0 })
        {
            await attachments.KeepAsync(activity, cancellationToken); // the platform's links expire; the case keeps copies
        }

        var replies = new TurnReplies();
        var turn = await processor.ProcessAsync(activity, replies, cancellationToken);

        // The turn is committed (its state and replies saved): handing the message over again would send again what
        // already went out, so from here a failure (the database restarting under the token store or the inbox itself)
        // is retried here, resuming where it stopped, rather than left to the item's lease.
        var bodies = platform.Render(userId, replies.Activities, isReply: true);
        var sent = 0;
        if (TurnJournal.WasReplayed(turn))
        {
            if (await AnsweredSinceAsync(item, cancellationToken))
            {
                LogAlreadyAnswered(logger, item.Id, item.Source, bodies.Count);
                bodies = [];
            }
            else
            {
                sent = await AlreadyDeliveredAsync(item, platform, userId, activity.Id, bodies, cancellationToken);

                LogReplayed(logger, item.Id, item.Source, bodies.Count - sent, sent);
            }
        }

        DeliveryReport? report = null;
        var followUpWritten = false;
        var dropLogged = false;
        var now = clock.GetUtcNow();
        await StoreWriteRetry.RunAsync(
            async () =>
            {
                if (report is null)
                {
                    // Each message the platform takes is recorded before the next is sent: handed out again after a
                    // crash between two of them, the item sends only the rest. A failed record resumes from `sent`.
                    var first = sent;
                    report = await platform.DeliverAsync([.. bodies.Skip(first)], cancellationToken, async taken =>
                    {
                        sent = first + taken;
                        if (sent < bodies.Count)
                        {
                            await inbox.RecordDeliveredAsync(item.Id, sent, cancellationToken);
                        }
                    }).ConfigureAwait(false); // completing runs on the pool too, ahead of other turns
                    now = clock.GetUtcNow();
                    await ReportAsync(item.Source, report, cancellationToken);
                }

                if (report.Result.Outcome == SendOutcome.RetryLater && !followUpWritten)
                {
                    // Kept behind this item in the citizen's queue; completing this one never re-runs the turn.
                    var rest = InboxEnvelope.ForOutgoing(bodies.Skip(sent), userId, activity.Id).Serialize();
                    await inbox.AppendAsync(item.Source, FollowUpIds.ForTurn(item), item.ConversationKey, rest, now, cancellationToken);
                    followUpWritten = true;
                }
                else if (!report.Completed && report.Result.Outcome != SendOutcome.RetryLater && !dropLogged)
                {
                    LogDropped(logger, item.Source, report.Result.Outcome, bodies.Count - sent);
                    dropLogged = true;
                }

                await inbox.CompleteAsync(item.Id, now, cancellationToken);
            },
            CommittedTurnRetries,
            TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(5),
            ex => LogCommittedTurnRetry(logger, item.Id, item.Source, ex.GetType().Name),
            cancellationToken);

        if (IsCitizenInteraction(activity))
        {
            heldNotices.Request(new CitizenAddress(item.Source, userId), item.ReceivedAt);
        }
    }

    private async Task DeliverRestAsync(InboxItem item, IChatPlatform platform, InboxEnvelope envelope, CancellationToken cancellationToken)
    {
        var bodies = envelope.Outgoing!;
        var first = recovery.IsFailing(item.Source) // while it fails, the send would be refused anyway: read no history
            ? Math.Min(item.Delivered, bodies.Count)
            : await AlreadyDeliveredAsync(item, platform, envelope.UserId, envelope.Answering, bodies, cancellationToken);
        var report = await platform.DeliverAsync([.. bodies.Skip(first)], cancellationToken, async taken =>
        {
            // as for a turn: handed out again after a crash between two messages, the item sends only the rest
            if (first + taken < bodies.Count)
            {
                await inbox.RecordDeliveredAsync(item.Id, first + taken, cancellationToken);
            }
        });
        var sent = first + report.Delivered;
        var now = clock.GetUtcNow();
        await ReportAsync(item.Source, report, cancellationToken);
        if (report.Result.Outcome != SendOutcome.RetryLater)
        {
            if (!report.Completed)
            {
                LogDropped(logger, item.Source, report.Result.Outcome, bodies.Count - sent);
            }

            await inbox.CompleteAsync(item.Id, now, cancellationToken);
            return;
        }

        if (report.Delivered == 0)
        {
            await inbox.ReleaseAsync(item.Id, now + Backoff(item.Attempts), report.Result.Detail ?? "retry later", cancellationToken);
            return;
        }

        // Part went out: what remains becomes its own item, so nothing already delivered is sent twice.
        var rest = InboxEnvelope.ForOutgoing(bodies.Skip(sent), envelope.UserId, envelope.Answering).Serialize();
        await inbox.AppendAsync(item.Source, FollowUpIds.ForRest(item), item.ConversationKey, rest, now, cancellationToken);
        await inbox.CompleteAsync(item.Id, now, cancellationToken);
    }

    /// <summary>
    /// How many of <paramref name="bodies"/> (the replies to the citizen's message <paramref name="answering"/>) already went
    /// out when the item is handled again: those recorded, or more if the platform's history shows them (taken just before
    /// a crash with no time left to record it, or answered with an error after it took them). A replayed turn and a
    /// follow-up (which only exists after a failed send) ask; a first delivery does not.
    /// </summary>
    private async Task<int> AlreadyDeliveredAsync(
        InboxItem item, IChatPlatform platform, string? userId, string? answering, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        var sent = Math.Min(item.Delivered, bodies.Count);
        if (sent < bodies.Count && !string.IsNullOrEmpty(userId) && !string.IsNullOrEmpty(answering)
            && await platform.CountShownAfterAsync(userId, answering, bodies, cancellationToken) is { } shown && shown > sent)
        {
            LogShownBeforeRestart(logger, item.Id, item.Source, shown - sent);
            sent = shown;
        }

        return sent;
    }

    /// <summary>
    /// Puts a failed item back for a later attempt; the failure is often the database itself restarting, so the release
    /// is retried here for a while rather than leaving the item to wait out its lease.
    /// </summary>
    private Task ReleaseAsync(InboxItem item, string failure, CancellationToken cancellationToken) =>
        StoreWriteRetry.RunAsync(
            () => inbox.ReleaseAsync(item.Id, clock.GetUtcNow() + Backoff(item.Attempts), failure, CancellationToken.None),
            ReleaseRetries,
            TimeSpan.FromMilliseconds(250),
            TimeSpan.FromSeconds(2),
            ex => LogReleaseRetry(logger, item.Id, ex.GetType().Name),
            cancellationToken);

    /// <summary>Tells <see cref="ChannelRecovery"/> how the platform answered, so retries come forward when it is back.</summary>
    private async Task ReportAsync(string channel, DeliveryReport report, CancellationToken cancellationToken)
    {
        if (report.Result.Outcome == SendOutcome.RetryLater)
        {
            recovery.Failed(channel);
        }
        else if (report.Delivered > 0)
        {
            await recovery.DeliveredAsync(channel, cancellationToken);
        }
    }

    /// <summary>
    /// This message had been handled before (an instance died before marking it done) and the citizen has written since:
    /// they evidently had its replies (the platform took them before the crash), so sending them again would only repeat
    /// them. Without a later message, the replies the platform's history does not show go out again: better twice than never.
    /// </summary>
    private async Task<bool> AnsweredSinceAsync(InboxItem item, CancellationToken cancellationToken) =>
        (await inbox.LaterMessageIdsAsync(item.ConversationKey, item.Id, cancellationToken)).Any(id => !FollowUpIds.IsFollowUp(id));

    /// <summary>Anything the citizen did reopens the platform's window, except leaving (unfollow).</summary>
    private static bool IsCitizenInteraction(Activity activity) =>
        !string.IsNullOrEmpty(activity.From?.Id) && activity.MembersRemoved is not { Count: > 0 };

    private TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(attempts, 0, 16);
        var delay = TimeSpan.FromTicks(Math.Min(settings.FirstRetryDelay.Ticks * (1L << exponent), settings.MaxRetryDelay.Ticks));
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.2 * Random.Shared.NextDouble()));
    }

    private const string UnreadableReason = "payload cannot be decrypted with the configured Security:PiiKey";

    /// <summary>How often releasing a failed item is tried in place (about 15 s in all) before its lease takes over.</summary>
    private const int ReleaseRetries = 10;

    [LoggerMessage(LogLevel.Warning, "Inbox item {Id}: releasing it for a later attempt failed ({Failure}); retrying")]
    private static partial void LogReleaseRetry(ILogger logger, long id, string failure);

    /// <summary>How often a committed turn's delivery and completion are retried in place (about a minute in all).</summary>
    private const int CommittedTurnRetries = 15;

    [LoggerMessage(LogLevel.Warning, "Inbox item {Id} from {Source}: turn done, delivering or completing failed ({Failure}); retrying")]
    private static partial void LogCommittedTurnRetry(ILogger logger, long id, string source, string failure);

    [LoggerMessage(LogLevel.Warning, "Inbox item {Id} from {Source} failed ({Failure}); released for a later attempt")]
    private static partial void LogItemFailed(ILogger logger, long id, string source, string failure);

    [LoggerMessage(LogLevel.Error, "Inbox item {Id} from {Source} cannot be handled here (unknown channel or payload); completed")]
    private static partial void LogUnusable(ILogger logger, long id, string source);

    [LoggerMessage(LogLevel.Error, "Inbox item {Id} from {Source} cannot be decrypted (altered, or stored under another Security:PiiKey); set aside, unanswered, for an operator")]
    private static partial void LogSetAside(ILogger logger, long id, string source);

    [LoggerMessage(LogLevel.Warning, "{Source}: {Count} reply message(s) not delivered: {Outcome}")]
    private static partial void LogDropped(ILogger logger, string source, SendOutcome outcome, int count);

    [LoggerMessage(LogLevel.Information, "Inbox item {Id} from {Source} was handled before a restart: {Count} reply message(s) sent again ({Delivered} had gone out)")]
    private static partial void LogReplayed(ILogger logger, long id, string source, int count, int delivered);

    [LoggerMessage(LogLevel.Information, "Inbox item {Id} from {Source} was handled before a restart: the platform's history shows {Count} more reply message(s) had gone out")]
    private static partial void LogShownBeforeRestart(ILogger logger, long id, string source, int count);

    [LoggerMessage(LogLevel.Information, "Inbox item {Id} from {Source} was handled before a restart and the citizen has written since: its {Count} reply message(s) not sent again")]
    private static partial void LogAlreadyAnswered(ILogger logger, long id, string source, int count);
}
