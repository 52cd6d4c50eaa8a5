using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>
/// Copies the photos and PDFs a citizen sends on Zalo or Messenger into the durable file store before the turn runs,
/// and points the attachment at the copy: the platforms' links expire within days, a case lasts months. Only what web
/// chat accepts is kept (the type read from the file's first bytes, within the upload size limit); anything else, or a
/// download that fails, keeps the platform's link, so the citizen's message is never held up or lost over a file.
/// </summary>
public sealed partial class AttachmentKeeper(
    IHttpClientFactory httpClients,
    DirectLineUploads uploads,
    IOptions<DirectLineOptions> directLine,
    IOptions<AttachmentKeeperOptions> options,
    ILogger<AttachmentKeeper> logger)
{
    public const string ClientName = "attachments";

    public async Task KeepAsync(Activity activity, CancellationToken cancellationToken)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (!Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var source) || source.Scheme is not ("https" or "http"))
            {
                continue;
            }

            if (await DownloadAsync(source, cancellationToken) is not { } file)
            {
                continue;
            }

            var stored = await uploads.SaveAsync(file.ContentType, attachment.Name, file.Content, cancellationToken);
            attachment.ContentUrl = Link(stored.Id);
            attachment.ContentType = stored.ContentType;
        }
    }

    private string Link(string id) =>
        $"{options.Value.PublicBaseUrl?.TrimEnd('/')}{DirectLineChannel.BasePath}/attachments/{id}";

    private async Task<(string ContentType, byte[] Content)?> DownloadAsync(Uri source, CancellationToken cancellationToken)
    {
        var limit = directLine.Value.MaxUploadBytes;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.DownloadTimeout);
            using var response = await httpClients.CreateClient(ClientName)
                .GetAsync(source, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > limit)
            {
                LogNotKept(logger, $"HTTP {(int)response.StatusCode}, {response.Content.Headers.ContentLength} bytes");
                return null;
            }

            var content = await ReadAtMostAsync(response.Content, limit, timeout.Token);
            var type = content is null ? null : TypeOf(response.Content.Headers.ContentType, content);
            if (content is null || type is null)
            {
                LogNotKept(logger, content is null ? "larger than the upload limit" : "not a photo or PDF");
                return null;
            }

            return (type, content);
        }
        catch (Exception ex) when (ChannelFailures.IsTransient(ex, cancellationToken))
        {
            LogNotKept(logger, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>The declared type when the bytes bear it out, else the first accepted type they match; null: not kept.</summary>
    private string? TypeOf(MediaTypeHeaderValue? declared, byte[] content)
    {
        if (declared?.MediaType is { } type && uploads.IsAllowedType(type) && UploadSniffer.Matches(type, content))
        {
            return type.ToLowerInvariant();
        }

        return directLine.Value.AllowedUploadTypes.FirstOrDefault(candidate => UploadSniffer.Matches(candidate, content));
    }

    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "A citizen's file was not copied ({Reason}); the platform's link is kept")]
    private static partial void LogNotKept(ILogger logger, string reason);
}
