using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// Notices which chat channels are failing and, at the first delivery that succeeds on one of them again, brings that
/// channel's waiting retries forward (the outbox's notices and the inbox's undelivered replies): after an outage the
/// citizen hears everything now, in order, rather than whenever each message's backoff happens to end.
/// </summary>
public sealed partial class ChannelRecovery(IOutboxStore outbox, IInboxStore inbox, TimeProvider clock, ILogger<ChannelRecovery> logger)
{
    private readonly ConcurrentDictionary<string, byte> failing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A delivery on <paramref name="channel"/> was refused for now (5xx, 429, timeout, network).</summary>
    public void Failed(string channel) => failing.TryAdd(channel, 0);

    /// <summary>Whether the last delivery on <paramref name="channel"/> was refused and none went out since.</summary>
    public bool IsFailing(string channel) => failing.ContainsKey(channel);

    /// <summary>A delivery on <paramref name="channel"/> went out; if the channel was failing, its retries are due now.</summary>
    public async Task DeliveredAsync(string channel, CancellationToken cancellationToken)
    {
        if (failing.IsEmpty || !failing.TryRemove(channel, out _))
        {
            return;
        }

        try
        {
            var now = clock.GetUtcNow();
            var notices = await outbox.ExpediteRetriesAsync(channel, now, cancellationToken);
            var replies = await inbox.ExpediteRetriesAsync(channel, now, cancellationToken);
            LogRecovered(logger, channel, notices, replies);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failing.TryAdd(channel, 0); // try again at the next delivery
            LogExpediteFailed(logger, channel, ex.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Information, "{Channel} delivers again: {Notices} notice(s) and {Replies} reply item(s) waiting to retry are due now")]
    private static partial void LogRecovered(ILogger logger, string channel, int notices, int replies);

    [LoggerMessage(LogLevel.Warning, "{Channel} delivers again, but its waiting retries could not be brought forward: {Failure}")]
    private static partial void LogExpediteFailed(ILogger logger, string channel, string failure);
}
