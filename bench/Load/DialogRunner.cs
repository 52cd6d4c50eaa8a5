using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// One simulated citizen's dialog, closed loop: each answer is sent only after the bot's reply to the previous one
/// reached the fake platform (a prompt expecting input, or the filing confirmation with its tracking code).
/// </summary>
public sealed class DialogRunner(ITransport transport, ReplyInbox inbox, TurnShapes shapes, LoadFigures figures, RunnerSettings settings)
{
    public ConcurrentDictionary<string, CitizenRecord> Citizens { get; } = new();

    public async Task<bool> RunAsync(int dialogNumber, CancellationToken cancellationToken)
    {
        var kind = DialogScripts.KindOf(dialogNumber);
        var user = $"{settings.UserPrefix}-{dialogNumber:D5}-{Guid.NewGuid().ToString("N")[..8]}";
        var citizen = Citizens[user] = new CitizenRecord(user, kind);
        var replies = inbox.For(user).Reader;
        var script = shapes.Scripts.For(dialogNumber);
        var turns = Math.Min(script.Count, settings.StopAfterTurns?.Invoke(dialogNumber) ?? script.Count);
        for (var i = 0; i < turns; i++)
        {
            var last = i == script.Count - 1;
            var started = Stopwatch.GetTimestamp();
            try
            {
                figures.Acks.Add(await DeliverAsync(user, i, script[i].Text, cancellationToken));
                if (settings.DeliverTwice && i > 0)
                {
                    await DeliverAsync(user, i - 1, script[i - 1].Text, cancellationToken); // late and out of order
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                figures.Failed(user, i, $"not acknowledged: {e.GetType().Name} {e.Message}");
                return false;
            }

            citizen.Acked++;
            if (await AwaitRepliesAsync(replies, last ? 0 : shapes.MessagesFor(kind, i), settings.ReplyTimeout, cancellationToken) is not { } reply)
            {
                figures.Failed(user, i, script[i].Text);
                return false;
            }

            citizen.Answered++;
            figures.Turned(kind, i, Stopwatch.GetElapsedTime(started), Stopwatch.GetElapsedTime(started, reply.ArrivedAt));
            if (settings.ThinkTime > TimeSpan.Zero)
            {
                await Task.Delay(settings.ThinkTime, cancellationToken);
            }
        }

        inbox.Finished(user);
        if (turns == script.Count)
        {
            citizen.Completed = true;
            figures.Completed(kind, shapes.TotalFor(kind));
        }

        return true;
    }

    /// <summary>Delivers one message (twice at once when asked), retrying while the service refuses it when asked.</summary>
    private async Task<TimeSpan> DeliverAsync(string user, int turn, string text, CancellationToken cancellationToken)
    {
        var messageId = $"{user}-{turn}";
        if (!settings.DeliverTwice)
        {
            return await DeliverOnceAsync(user, messageId, text, cancellationToken);
        }

        var both = await Task.WhenAll(
            DeliverOnceAsync(user, messageId, text, cancellationToken),
            DeliverOnceAsync(user, messageId, text, cancellationToken));
        return both.Min();
    }

    private async Task<TimeSpan> DeliverOnceAsync(string user, string messageId, string text, CancellationToken cancellationToken)
    {
        var giveUp = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return await transport.SendAsync(user, messageId, text, cancellationToken);
            }
            catch (Exception e) when (settings.RetryUntilAcked
                                      && e is HttpRequestException or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested
                                      && Stopwatch.GetElapsedTime(giveUp) < settings.ReplyTimeout)
            {
                figures.Retried();
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>Waits for <paramref name="messages"/> messages, or (0) for the one carrying the tracking code; returns the last (null: none in time).</summary>
    public static async Task<PlatformReply?> AwaitRepliesAsync(ChannelReader<PlatformReply> replies, int messages, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            for (var seen = 1; ; seen++)
            {
                var reply = await replies.ReadAsync(timeout.Token);
                if (messages == 0 ? ReplySignature.CarriesTrackingCode(reply.Message) : seen == messages)
                {
                    return reply;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
