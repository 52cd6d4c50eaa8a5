using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// What the bot sends for each turn of each dialog kind on this transport, learnt from one slow dialog per kind
/// (read until the bot is quiet). Platforms carry no "expecting input" hint, so the load phase waits for exactly
/// that many messages; the last turn waits for the tracking code. The signatures let a run check every citizen got
/// exactly these replies, once each, in this order.
/// </summary>
public sealed class TurnShapes
{
    private readonly Dictionary<string, string[][]> turns = [];

    private TurnShapes(DialogScripts scripts) => Scripts = scripts;

    /// <summary>The answers these shapes were learnt with, which the citizens of the run then type.</summary>
    public DialogScripts Scripts { get; }

    public int MessagesFor(string kind, int turn) => turns[kind][turn].Length;

    /// <summary>Messages a whole dialog of this kind should produce, with the outbox's filing notice if the build sends one.</summary>
    public int TotalFor(string kind) => turns[kind].Sum(t => t.Length) + (FilingNotice.Length > 0 ? 1 : 0);

    /// <summary>Signatures of the replies to turn <paramref name="turn"/>, in order.</summary>
    public IReadOnlyList<string> RepliesFor(string kind, int turn) => turns[kind][turn];

    /// <summary>
    /// The outbox's "your case was filed" notice, which may arrive before or after the last turn's reply; empty when the
    /// build tells the citizen in the reply alone (since the twelfth round).
    /// </summary>
    public string FilingNotice { get; private set; } = string.Empty;

    public static async Task<TurnShapes> LearnAsync(ITransport transport, ReplyInbox inbox, DialogScripts scripts, CancellationToken cancellationToken)
    {
        var shapes = new TurnShapes(scripts);
        foreach (var (kind, number) in new[] { ("plain", 0), ("tax", 7), ("proxy", 9) })
        {
            var user = $"calibrate-{kind}-{Guid.NewGuid():N}";
            var replies = inbox.For(user).Reader;
            var script = scripts.For(number);
            var perTurn = new string[script.Count][];
            for (var i = 0; i < script.Count; i++)
            {
                await transport.SendAsync(user, $"{user}-{i}", script[i].Text, cancellationToken);
                var messages = await ReadUntilQuietAsync(replies, cancellationToken);
                if (i == script.Count - 1)
                {
                    // the turn's confirmation and the outbox's notice both carry the code, in either order: the
                    // notice is the one that is not the reply to this turn (it is the same for every kind)
                    var coded = messages.Where(ReplySignature.CarriesTrackingCode).ToList();
                    if (coded.Count == 2)
                    {
                        var notice = shapes.FilingNotice.Length > 0
                            ? coded.First(m => ReplySignature.Of(m) == shapes.FilingNotice)
                            : coded[1];
                        shapes.FilingNotice = ReplySignature.Of(notice);
                        messages.Remove(notice);
                    }
                }

                perTurn[i] = [.. messages.Select(ReplySignature.Of)];
            }

            shapes.turns[kind] = perTurn;
        }

        return shapes;
    }

    private static async Task<List<JsonObject>> ReadUntilQuietAsync(ChannelReader<PlatformReply> replies, CancellationToken cancellationToken)
    {
        var messages = new List<JsonObject>();
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(messages.Count == 0 ? TimeSpan.FromSeconds(20) : TimeSpan.FromMilliseconds(700));
            try
            {
                messages.Add((await replies.ReadAsync(quiet.Token)).Message);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return messages.Count > 0 ? messages : throw new TimeoutException("The bot did not answer during calibration.");
            }
        }
    }
}
