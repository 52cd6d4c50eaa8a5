using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>A file a citizen uploaded in web chat. The id is a random capability: whoever has the URL may fetch it.</summary>
public sealed record StoredUpload(string Id, string ContentType, string? Name, byte[] Content, DateTimeOffset StoredAt);

/// <summary>
/// Uploaded files in memory, bounded by <see cref="DirectLineOptions.MaxStoredUploadBytes"/> (oldest dropped) and
/// <see cref="DirectLineOptions.UploadLifetime"/>.
/// </summary>
public sealed class DirectLineUploads(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredUpload> files = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly DirectLineOptions settings = options.Value;
    private long storedBytes;

    public bool IsAllowedType(string? contentType) =>
        contentType is not null && settings.AllowedUploadTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase);

    public StoredUpload Save(string contentType, string? name, byte[] content)
    {
        var upload = new StoredUpload(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)), contentType.ToLowerInvariant(), name, content, clock.GetUtcNow());
        lock (gate)
        {
            files[upload.Id] = upload;
            order.Enqueue(upload.Id);
            storedBytes += content.Length;
            while (storedBytes > settings.MaxStoredUploadBytes && order.Count > 1 && order.TryDequeue(out var oldest))
            {
                Forget(oldest);
            }
        }

        return upload;
    }

    public StoredUpload? Find(string id)
    {
        lock (gate)
        {
            if (!files.TryGetValue(id, out var upload))
            {
                return null;
            }

            if (clock.GetUtcNow() - upload.StoredAt <= settings.UploadLifetime)
            {
                return upload;
            }

            Forget(id);
            return null;
        }
    }

    private void Forget(string id)
    {
        if (files.Remove(id, out var removed))
        {
            storedBytes -= removed.Content.Length;
        }
    }
}
