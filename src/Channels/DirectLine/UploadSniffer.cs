namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>
/// Checks that an uploaded file's first bytes match its declared type, so a page or script cannot be stored as a
/// "photo" and later served from our origin.
/// </summary>
public static class UploadSniffer
{
    public static bool Matches(string contentType, ReadOnlySpan<byte> content) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/gif" => content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8),
        "image/webp" => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        "image/heic" => content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8),
        "application/pdf" => content.StartsWith("%PDF-"u8),
        _ => false,
    };
}
