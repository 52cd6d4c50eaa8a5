using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// One simulated citizen's dialog, closed loop: each answer is sent only after the bot's reply to the previous one
/// reached the fake platform (a prompt expecting input, or the filing confirmation with its tracking code).
/// </summary>
public sealed class DialogRunner(ITransport transport, ReplyInbox inbox, LoadFigures figures, TimeSpan replyTimeout, TimeSpan thinkTime)
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
            if (!await AwaitReplyAsync(replies, last, cancellationToken))
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

        figures.Completed(DialogScripts.KindOf(dialogNumber));
        await CountLateDuplicatesAsync(replies);
        return true;
    }

    private async Task<bool> AwaitReplyAsync(System.Threading.Channels.ChannelReader<JsonObject> replies, bool last, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(replyTimeout);
        try
        {
            while (true)
            {
                var activity = await replies.ReadAsync(timeout.Token);
                var text = activity["text"]?.GetValue<string>() ?? string.Empty;
                if (last ? text.Contains("TH-", StringComparison.Ordinal) : activity["inputHint"]?.GetValue<string>() == "expectingInput")
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

    private async Task CountLateDuplicatesAsync(System.Threading.Channels.ChannelReader<JsonObject> replies)
    {
        await Task.Delay(50);
        while (replies.TryRead(out var extra))
        {
            if (extra["inputHint"]?.GetValue<string>() == "expectingInput")
            {
                figures.Duplicate();
            }
        }
    }
}
