using PhanHoi.Bot.Workflow.Credentials;

namespace PhanHoi.Bot.Channels.Tests.Support;

/// <summary>The credential contract (compare-and-set on version) in memory, for tests before the SQL stores are merged.</summary>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly Dictionary<string, StoredCredential> items = [];

    /// <summary>How often the store was read.</summary>
    public int Reads { get; private set; }

    public Task<StoredCredential?> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (items)
        {
            Reads++;
            return Task.FromResult(items.GetValueOrDefault(name));
        }
    }

    public Task<bool> ReplaceAsync(string name, string value, DateTimeOffset? expiresAt, int expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (items)
        {
            var version = items.TryGetValue(name, out var current) ? current.Version : 0;
            if (version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            items[name] = new StoredCredential(name, value, expiresAt, version + 1, now);
            return Task.FromResult(true);
        }
    }
}
