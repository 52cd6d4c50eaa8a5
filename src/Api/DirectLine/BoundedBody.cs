namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>Reads a request body up to a limit, whatever Content-Length claimed (chunked bodies have none).</summary>
public static class BoundedBody
{
    /// <summary>The bytes, or null when the body is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
