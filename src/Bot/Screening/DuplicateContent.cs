using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Screening;

/// <summary>
/// "The same content sent again" is not acceptable (Art. 7.6): a citizen who files what they filed recently is
/// pointed to the earlier case instead. Same means the same words, give or take a few, ignoring case and diacritics.
/// </summary>
public sealed class DuplicateContent(ICitizenCaseDesk desk, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const double SameWordsRatio = 0.9;
    private const int Recent = 20;

    /// <summary>
    /// The citizen's recent case with this content, or null. A closed case (withdrawn, or closed as no longer relevant)
    /// is no earlier case to point to: sending it again is filing it anew.
    /// </summary>
    public async Task<CitizenCaseView?> FindAsync(CitizenAddress citizen, string content, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Window;
        var mine = await desk.ListMineAsync(citizen, Recent, cancellationToken);
        return mine.FirstOrDefault(c => c.SubmittedAt >= since && c.State != CaseState.Closed && IsSame(c.Content, content));
    }

    public static bool IsSame(string earlier, string now)
    {
        var a = Phrases.Words(earlier, folded: true);
        var b = Phrases.Words(now, folded: true);
        if (a == b)
        {
            return true;
        }

        var first = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var second = b.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (first.Count < 5 || second.Count < 5)
        {
            return false;
        }

        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared) >= SameWordsRatio;
    }
}
