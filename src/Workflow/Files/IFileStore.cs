namespace PhanHoi.Bot.Workflow.Files;

/// <summary>A file a citizen sent with a PAKN (a photo, a scan). Its id is a random capability used in its URL.</summary>
public sealed record StoredFile(string Id, string ContentType, string? Name, byte[] Content, DateTimeOffset StoredAt);

/// <summary>
/// Files attached to cases, kept as long as the cases that link to them (encrypted at rest: a photo may show an ID
/// card or a face), shared by every instance.
/// </summary>
public interface IFileStore
{
    Task SaveAsync(StoredFile file, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken);
}
