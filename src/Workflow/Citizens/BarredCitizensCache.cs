using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Citizens;

/// <summary>
/// Keeps the few barred accounts in memory, reread every <see cref="Lifetime"/>, so a citizen message costs no store
/// read. A lock or block saved through this instance applies at once; one saved through another instance within the
/// lifetime; a lock ends at its time whatever the snapshot's age.
/// </summary>
public sealed class BarredCitizensCache(ICitizenAccountRepository store, TimeProvider clock) : ICitizenAccountRepository, ICitizenBarList
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private volatile Snapshot? current;
    private int saves;

    public Task<CitizenAccount?> FindAsync(CitizenAddress address, CancellationToken cancellationToken) =>
        store.FindAsync(address, cancellationToken);

    public Task<IReadOnlyList<CitizenAccount>> ListBarredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ListBarredAsync(now, cancellationToken);

    public async Task SaveAsync(CitizenAccount account, CancellationToken cancellationToken)
    {
        await store.SaveAsync(account, cancellationToken);
        Interlocked.Increment(ref saves);
    }

    public async ValueTask<CitizenAccount?> FindBarredAsync(CitizenAddress address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var snapshot = current;
        if (snapshot is null || snapshot.Saves != Volatile.Read(ref saves) || now - snapshot.ReadAt >= Lifetime)
        {
            // read under the save count seen before the read: a save meanwhile may be missing, so the snapshot is stale at once
            var savesBefore = Volatile.Read(ref saves);
            current = snapshot = new Snapshot((await store.ListBarredAsync(now, cancellationToken)).ToDictionary(a => a.Address), now, savesBefore);
        }

        return snapshot.Barred.TryGetValue(address, out var account) && account.IsBarred(now) ? account : null;
    }

    private sealed record Snapshot(Dictionary<CitizenAddress, CitizenAccount> Barred, DateTimeOffset ReadAt, int Saves);
}
