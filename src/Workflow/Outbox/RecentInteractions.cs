using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>
/// Which citizens' windows this instance recorded lately, so a citizen in the middle of a dialog costs one write per
/// <paramref name="granularity"/> instead of one per message. A window taken to start up to that much early also closes
/// that much early in the reminders' reckoning: a reminder comes a little early, never late. Used by one reader only.
/// </summary>
internal sealed class RecentInteractions(TimeSpan granularity)
{
    private readonly Dictionary<CitizenAddress, DateTimeOffset> recorded = [];
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    /// <summary>Those of <paramref name="citizens"/> (writing at <paramref name="at"/>) whose window must be recorded again.</summary>
    public List<CitizenAddress> Due(IEnumerable<CitizenAddress> citizens, DateTimeOffset at) =>
        [.. citizens.Where(c => !recorded.TryGetValue(c, out var last) || at - last >= granularity)];

    public void Recorded(IReadOnlyCollection<CitizenAddress> citizens, DateTimeOffset at)
    {
        foreach (var citizen in citizens)
        {
            recorded[citizen] = at;
        }

        if (at - lastSweep >= granularity)
        {
            // forget whoever would be recorded again anyway, so the map holds only citizens active lately
            foreach (var stale in recorded.Where(r => at - r.Value >= granularity).Select(r => r.Key).ToList())
            {
                recorded.Remove(stale);
            }

            lastSweep = at;
        }
    }
}
