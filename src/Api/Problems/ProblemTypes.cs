namespace PhanHoi.Bot.Api.Problems;

/// <summary>Stable <c>type</c> URIs of the API's problem+json answers.</summary>
public static class ProblemTypes
{
    private const string Base = "https://phanhoi.thanhhoa.gov.vn/problems/";

    public const string Validation = Base + "validation";
    public const string NotFound = Base + "not-found";
    public const string InvalidState = Base + "invalid-state";
    public const string Forbidden = Base + "forbidden";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string Conflict = Base + "conflict";
    public const string Unauthorized = Base + "unauthorized";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string ServerError = Base + "server-error";

    /// <summary>The type of an answer the framework wrote (status code pages, unreadable input), by its status.</summary>
    public static string? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Validation,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status500InternalServerError => ServerError,
        _ => null,
    };
}
