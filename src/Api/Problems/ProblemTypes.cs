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
}
