using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// One simulated citizen's dialog, closed loop: each answer is sent only after the bot's reply to the previous one
/// reached the fake platform (a prompt expecting input, or the filing confirmation with its tracking code).
/// </summary>
public sealed class DialogRunner(ITransport transport, ReplyInbox inbox, TurnShapes shapes, LoadFigures figures, TimeSpan replyTimeout, TimeSpan thinkTime)
{
    public async Task<bool> RunAsync(int dialogNumber, CancellationToken cancellationToken)
    {
        var user = $"bench-{Guid.NewGuid():N}";
        var replies = inbox.For(user).Reader;
        var script = DialogScripts.For(dialogNumber);
        for (var i = 0; i < script.Count; i++)
        {
            var last = i == script.Count - 1;
            var started = Stopwatch.GetTimestamp();
            figures.Acks.Add(await transport.SendAsync(user, $"{user}-{i}", script[i].Text, cancellationToken));
            if (!await AwaitReplyAsync(replies, last ? 0 : shapes.MessagesFor(DialogScripts.KindOf(dialogNumber), i), cancellationToken))
            {
                figures.Failed(user, i, script[i].Text);
                return false;
            }

            figures.Turns.Add(Stopwatch.GetElapsedTime(started));
            if (thinkTime > TimeSpan.Zero)
            {
                await Task.Delay(thinkTime, cancellationToken);
            }
        }

        figures.Completed(DialogScripts.KindOf(dialogNumber), shapes.TotalFor(DialogScripts.KindOf(dialogNumber)));
        return true;
    }

    /// <summary>Waits for <paramref name="messages"/> messages, or (0) for the one carrying the tracking code.</summary>
    private async Task<bool> AwaitReplyAsync(ChannelReader<JsonObject> replies, int messages, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(replyTimeout);
        try
        {
            for (var seen = 1; ; seen++)
            {
                var activity = await replies.ReadAsync(timeout.Token);
                var text = activity["text"]?.GetValue<string>() ?? string.Empty;
                if (messages == 0 ? text.Contains("TH-", StringComparison.Ordinal) : seen == messages)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
