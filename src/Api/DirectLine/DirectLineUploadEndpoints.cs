using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// <c>POST /conversations/{id}/upload</c>: Web Chat's message with files (multipart: an <c>activity</c> part and
/// <c>file</c> parts). Files are checked (type, size, first bytes), kept, and given to the bot as attachments whose
/// <c>contentUrl</c> is <c>GET /v3/directline/attachments/{id}</c> on this host.
/// </summary>
public static class DirectLineUploadEndpoints
{
    private const string AttachmentsPath = "/attachments/";
    private const int MaxFilesPerMessage = 10;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/upload", Upload).DisableAntiforgery();
        group.MapGet("/attachments/{id}", Download);
    }

    public static bool IsOwnUpload(string? contentUrl, string baseUrl)
    {
        var prefix = baseUrl + DirectLineChannel.BasePath + AttachmentsPath;
        return contentUrl is not null
               && contentUrl.StartsWith(prefix, StringComparison.Ordinal)
               && DirectLineUploads.IsWellFormedId(contentUrl[prefix.Length..]);
    }

    private static async Task<IResult> Upload(
        string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineUploads uploads, DirectLineTurns turns,
        IOptions<DirectLineOptions> options, CancellationToken ct)
    {
        var request = http.Request;
        var (caller, refusal) = DirectLineCaller.Authenticate(request, tokens, conversationId);
        if (caller is null)
        {
            return refusal!;
        }

        var settings = options.Value;
        long limit = ((long)settings.MaxUploadBytes * MaxFilesPerMessage) + settings.MaxActivityBytes;
        if (request.ContentLength > limit)
        {
            return DirectLineCaller.TooLarge("The upload is too large.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!request.HasFormContentType)
        {
            return Problems.Problems.Invalid("body", "A multipart upload is required.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Problems.Problems.Invalid("body", "The upload could not be read.");
        }

        var activity = await ReadActivityAsync(form, settings.MaxActivityBytes, ct);
        var files = form.Files.GetFiles("file");
        if (activity is null)
        {
            return Problems.Problems.Invalid("activity", "The upload needs an 'activity' part.");
        }

        if (files.Count is 0 or > MaxFilesPerMessage)
        {
            return Problems.Problems.Invalid("file", $"Send between 1 and {MaxFilesPerMessage} files.");
        }

        var baseUrl = DirectLineCaller.BaseUrl(request);
        var attachments = new List<Attachment>(files.Count);
        foreach (var file in files)
        {
            if (file.Length > settings.MaxUploadBytes)
            {
                return DirectLineCaller.TooLarge($"A file may be at most {settings.MaxUploadBytes / (1024 * 1024)} MB.");
            }

            var contentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var media) ? media.MediaType.Value : null;
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, ct);
            }

            if (contentType is null || !uploads.IsAllowedType(contentType) || !UploadSniffer.Matches(contentType, content))
            {
                return TypedResults.Problem(
                    "Only photos (JPEG, PNG, GIF, WebP, HEIC) and PDF files can be sent.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file");
            }

            var stored = await uploads.SaveAsync(contentType, SafeName(file.FileName), content, ct);
            var url = $"{baseUrl}{DirectLineChannel.BasePath}{AttachmentsPath}{stored.Id}";
            attachments.Add(new Attachment
            {
                ContentType = stored.ContentType,
                ContentUrl = url,
                Name = stored.Name,
                ThumbnailUrl = stored.ContentType.StartsWith("image/", StringComparison.Ordinal) ? url : null, // Web Chat draws the user's own photo only with a thumbnail
            });
        }

        activity.Type ??= ActivityTypes.Message;
        activity.Attachments = attachments;
        return await turns.RunAsync(caller, activity, baseUrl, url => IsOwnUpload(url, baseUrl), ct);
    }

    private static async Task<IResult> Download(string id, HttpResponse response, DirectLineUploads uploads, CancellationToken ct)
    {
        if (await uploads.FindAsync(id, ct) is not { } upload)
        {
            return Problems.Problems.NotFound("No such file.");
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, max-age=86400";

        // Photos show inline in the chat; documents download rather than open under our origin.
        return upload.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? TypedResults.Bytes(upload.Content, upload.ContentType)
            : TypedResults.File(upload.Content, upload.ContentType, upload.Name ?? "tep-dinh-kem");
    }

    private static async Task<Activity?> ReadActivityAsync(IFormCollection form, int maxBytes, CancellationToken ct)
    {
        try
        {
            if (form.Files.GetFile("activity") is { } part)
            {
                if (part.Length > maxBytes)
                {
                    return null;
                }

                await using var stream = part.OpenReadStream();
                return await JsonSerializer.DeserializeAsync(stream, ActivityJsonContext.Default.Activity, ct);
            }

            return form["activity"].ToString() is { Length: > 0 } text && text.Length <= maxBytes
                ? JsonSerializer.Deserialize(text, ActivityJsonContext.Default.Activity)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A display name without any path and without control characters, or none.</summary>
    private static string? SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]).Trim();
        return name is { Length: > 0 and <= 120 } && name != "blob" ? name : null;
    }
}
