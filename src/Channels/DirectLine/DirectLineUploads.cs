using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Files;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Files citizens upload in web chat, kept in the durable <see cref="IFileStore"/> (the case links to them, on every
/// instance, after restarts). The id is a random capability: whoever has the URL may fetch the file.
/// </summary>
public sealed class DirectLineUploads(IFileStore files, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const int IdBytes = 18;
    private static readonly int IdLength = Base64Url.GetEncodedLength(IdBytes);

    public bool IsAllowedType(string? contentType) =>
        contentType is not null && options.Value.AllowedUploadTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase);

    /// <summary>Could <paramref name="id"/> be one of ours (used to drop attachment links posted from elsewhere)?</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length == IdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public async Task<StoredFile> SaveAsync(string contentType, string? name, byte[] content, CancellationToken cancellationToken)
    {
        var file = new StoredFile(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes)), contentType.ToLowerInvariant(), name, content, clock.GetUtcNow());
        await files.SaveAsync(file, cancellationToken);
        return file;
    }

    public Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken) =>
        IsWellFormedId(id) ? files.FindAsync(id, cancellationToken) : Task.FromResult<StoredFile?>(null);
}
