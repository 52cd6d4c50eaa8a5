using System.Collections.Concurrent;
using PhanHoi.Bot.Workflow.Files;

namespace PhanHoi.Bot.Channels.Tests.Support;

public sealed class InMemoryFileStore : IFileStore
{
    public ConcurrentDictionary<string, StoredFile> Files { get; } = new();

    public Task SaveAsync(StoredFile file, CancellationToken cancellationToken)
    {
        Files[file.Id] = file;
        return Task.CompletedTask;
    }

    public Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Files.GetValueOrDefault(id));
}
