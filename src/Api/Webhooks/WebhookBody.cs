using System.Buffers;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>The raw request bytes (signatures are computed over them exactly), refused beyond a size limit.</summary>
internal static class WebhookBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        request.ContentLength switch
        {
            > 0 and var length when length > limit => Task.FromResult<byte[]?>(null),
            > 0 and var length => ReadDeclaredAsync(request.Body, (int)length, cancellationToken),
            0 => Task.FromResult<byte[]?>([]),
            _ => ReadChunkedAsync(request.Body, limit, cancellationToken),
        };

    /// <summary>
    /// A body whose length was declared: read straight into an array of that size (the server stops at the declared
    /// length; one that ends early is returned as far as it came, and fails the signature or the JSON).
    /// </summary>
    private static async Task<byte[]?> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var read = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken);
        return read == length ? bytes : bytes[..read];
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk, clearArray: true); // it held a citizen's message
        }
    }
}
