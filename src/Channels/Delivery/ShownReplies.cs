using System.Text;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>
/// Tells from a conversation's history which of a turn's replies the citizen was already shown: the messages the
/// OA/page sent after the citizen's message, matched to the replies in order by their text. Only a reply whose text
/// is found counts as shown, so an uncertain match sends again rather than leaving the citizen without an answer.
/// </summary>
public static class ShownReplies
{
    /// <summary>
    /// The texts the business sent after <paramref name="citizenMessageId"/>, oldest first; null when that message is
    /// not in <paramref name="newestFirst"/> (then the history cannot say what followed it).
    /// </summary>
    public static IReadOnlyList<string?>? After(IReadOnlyList<HistoryMessage> newestFirst, string citizenMessageId)
    {
        var after = new List<string?>();
        foreach (var message in newestFirst)
        {
            if (string.Equals(message.Id, citizenMessageId, StringComparison.Ordinal))
            {
                after.Reverse();
                return after;
            }

            if (message.FromBusiness)
            {
                after.Add(message.Text);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether all of <paramref name="replies"/> appear, in order, among the business's messages the history dates from
    /// <paramref name="since"/> on (for a notice, which follows no particular message of the citizen: an earlier notice
    /// with the same text is not taken for it). Messenger dates to the second, so the second of <paramref name="since"/>
    /// counts; an undated message never does.
    /// </summary>
    public static bool AllAmongRecent(IReadOnlyList<HistoryMessage> newestFirst, IReadOnlyList<string?> replies, DateTimeOffset since)
    {
        var from = since.AddTicks(-(since.Ticks % TimeSpan.TicksPerSecond));
        var sent = newestFirst.Where(m => m.FromBusiness && m.SentAt >= from).Reverse().Select(m => m.Text).ToList();
        return CountInOrder(replies, sent) == replies.Count;
    }

    /// <summary>How many of <paramref name="replies"/>, from the first, appear in that order among <paramref name="sent"/>.</summary>
    public static int CountInOrder(IReadOnlyList<string?> replies, IReadOnlyList<string?> sent)
    {
        using var remaining = sent.Select(Comparable).GetEnumerator();
        for (var shown = 0; shown < replies.Count; shown++)
        {
            var text = Comparable(replies[shown]);
            var found = false;
            while (text is not null && !found && remaining.MoveNext())
            {
                found = remaining.Current == text;
            }

            if (!found)
            {
                return shown;
            }
        }

        return replies.Count;
    }

    /// <summary>The text as NFC with its whitespace runs as one space (platforms may store line breaks differently).</summary>
    private static string? Comparable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(word);
        }

        return builder.ToString();
    }
}
