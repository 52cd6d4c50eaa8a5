using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace PhanHoi.Bot.Api.Problems;

/// <summary>
/// A body or parameter the framework could not read (bad JSON, a wrong type, <c>page=abc</c>) answers 400
/// problem+json saying what was wrong and where, with the API's stable validation type. The message names the
/// parameter, the JSON path and the expected type; it never carries the body's values.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is JsonException json ? $"{bad.Message} {JsonProblem(json)}"
            : IsMissingBody(bad) ? "A JSON object body is required (the body was empty or null)."
            : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status400BadRequest ? "Invalid input" : null,
                Detail = detail,
            },
        });
    }

    // The framework's own wording for an empty or null body goes on to suggest registering a service, which only
    // confuses a client.
    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.InnerException is null
        && (bad.Message.Contains("no body was provided", StringComparison.Ordinal) || bad.Message.Contains("was not provided from body", StringComparison.Ordinal));

    private static string JsonProblem(JsonException json) =>
        json.Path is { Length: > 0 } path
            ? $"The value at '{path}' is not valid here (line {json.LineNumber + 1}); check its type and format."
            : "The body is not valid JSON.";
}
