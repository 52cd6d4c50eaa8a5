namespace PhanHoi.Bot.Turns.Dedupe;

/// <summary>Remembers activity ids already taken, so a platform's re-delivery is not processed twice.</summary>
public interface IDuplicateGuard
{
    /// <summary>True the first time <paramref name="key"/> is seen (within the retention period).</summary>
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose processing failed, so a re-delivery may try again.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
