using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Problems;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>The answers a webhook gives a platform (RFC 7807 for every refusal; no detail about our secrets).</summary>
internal static class WebhookResults
{
    public static ProblemHttpResult Off(string channel) =>
        Problems.Problems.NotFound($"The {channel} channel is not configured.");

    public static ProblemHttpResult BadSignature() =>
        TypedResults.Problem("The signature is missing or does not match the body.", statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized", type: ProblemTypes.Unauthorized);

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem($"The body is larger than {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Too large", type: ProblemTypes.PayloadTooLarge);

    public static IResult Malformed() => Problems.Problems.Invalid("body", "The body is not a JSON object.");

    public static Ok Acknowledged() => TypedResults.Ok();
}
