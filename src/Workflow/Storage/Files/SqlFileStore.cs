using Dapper;
using PhanHoi.Bot.Workflow.Files;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>Attached files in the store on either engine, content encrypted (AES-GCM over its base64).</summary>
public sealed class SqlFileStore(StoreDatabase database, IPersonalDataProtector protector) : IFileStore
{
    public async Task SaveAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO files (id, content_type, name, size_bytes, content, stored_at) VALUES (@Id, @ContentType, @Name, @Size, @Content, @StoredAt)",
            new
            {
                file.Id,
                file.ContentType,
                file.Name,
                Size = file.Content.Length,
                Content = protector.Protect(Convert.ToBase64String(file.Content)),
                file.StoredAt,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryRowOrDefaultAsync<FileRow>(new CommandDefinition(
            "SELECT id AS Id, content_type AS ContentType, name AS Name, content AS Content, stored_at AS StoredAt FROM files WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredFile(row.Id, row.ContentType, row.Name, Convert.FromBase64String(protector.Unprotect(row.Content)), row.StoredAt);
    }

    private sealed class FileRow
    {
        public string Id { get; init; } = string.Empty;

        public string ContentType { get; init; } = string.Empty;

        public string? Name { get; init; }

        public string Content { get; init; } = string.Empty;

        public DateTimeOffset StoredAt { get; init; }
    }
}
