using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// How many messages the bot sends for each turn of each dialog kind on this transport, learnt from one slow dialog
/// per kind (read until the bot is quiet). Platforms carry no "expecting input" hint, so the load phase waits for
/// exactly that many messages; the last turn waits for the tracking code.
/// </summary>
public sealed class TurnShapes
{
    private readonly Dictionary<string, int[]> counts = [];

    public int MessagesFor(string kind, int turn) => counts[kind][turn];

    /// <summary>Messages a whole dialog of this kind should produce, with the filing notice from the outbox.</summary>
    public int TotalFor(string kind) => counts[kind].Sum() + 1;

    public static async Task<TurnShapes> LearnAsync(ITransport transport, ReplyInbox inbox, CancellationToken cancellationToken)
    {
        var shapes = new TurnShapes();
        foreach (var (kind, number) in new[] { ("plain", 0), ("tax", 7), ("proxy", 9) })
        {
            var user = $"calibrate-{kind}-{Guid.NewGuid():N}";
            var replies = inbox.For(user).Reader;
            var script = DialogScripts.For(number);
            var perTurn = new int[script.Count];
            for (var i = 0; i < script.Count; i++)
            {
                await transport.SendAsync(user, $"{user}-{i}", script[i].Text, cancellationToken);
                perTurn[i] = await CountUntilQuietAsync(replies, i == script.Count - 1, cancellationToken);
            }

            shapes.counts[kind] = perTurn;
        }

        return shapes;
    }

    private static async Task<int> CountUntilQuietAsync(ChannelReader<JsonObject> replies, bool last, CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(count == 0 ? TimeSpan.FromSeconds(20) : TimeSpan.FromMilliseconds(700));
            try
            {
                var message = await replies.ReadAsync(quiet.Token);
                if (last && IsFilingNotice(message, count))
                {
                    continue; // the outbox's notice, not part of the turn
                }

                count++;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return count > 0 ? count : throw new TimeoutException("The bot did not answer during calibration.");
            }
        }
    }

    /// <summary>The turn's confirmation carries the code first; a second message with the code is the notice.</summary>
    private static bool IsFilingNotice(JsonObject message, int countedSoFar) =>
        countedSoFar > 0 && (message["text"]?.GetValue<string>() ?? string.Empty).Contains("TH-", StringComparison.Ordinal);
}
