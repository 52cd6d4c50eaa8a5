namespace PhanHoi.Bot.Channels.Inbound;

/// <summary>Platforms name media kinds (image, video, file…); activities carry MIME types.</summary>
public static class MediaTypes
{
    public const string Binary = "application/octet-stream";

    public static string ForKind(string kind, string? fileNameOrExtension = null) => kind switch
    {
        "image" or "sticker" => "image/*",
        "gif" => "image/gif",
        "video" => "video/*",
        "audio" => "audio/*",
        _ => ForFile(fileNameOrExtension),
    };

    public static string ForFile(string? fileNameOrExtension)
    {
        var extension = fileNameOrExtension is null
            ? string.Empty
            : fileNameOrExtension.Contains('.', StringComparison.Ordinal) ? Path.GetExtension(fileNameOrExtension).TrimStart('.') : fileNameOrExtension;
        return extension.ToLowerInvariant() switch
        {
            "pdf" => "application/pdf",
            "doc" => "application/msword",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls" => "application/vnd.ms-excel",
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jpg" or "jpeg" => "image/jpeg",
            "png" => "image/png",
            "txt" => "text/plain",
            _ => Binary,
        };
    }
}
