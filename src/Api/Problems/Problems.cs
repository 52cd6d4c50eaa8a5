using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Problems;

/// <summary>RFC 7807 answers with the stable types of <see cref="ProblemTypes"/>.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict);

    public static ProblemHttpResult PreconditionFailed(int currentVersion) =>
        TypedResults.Problem(
            "The case was changed by someone else; reload it and try again.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Stale version",
            type: ProblemTypes.PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(ImmutableDictionary<string, string[]>.Empty.Add(field, [message]));

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid input", type: ProblemTypes.Validation);

    /// <summary>409 (state), 403 (role or agency) or 400 (input), with the actions the caller may take.</summary>
    public static IResult From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Invalid(refusal.Errors ?? ImmutableDictionary<string, string[]>.Empty.Add("body", [refusal.Reason])),
        RefusalKind.Forbidden => WithActions(refusal, StatusCodes.Status403Forbidden, "Not allowed for you", ProblemTypes.Forbidden),
        _ => WithActions(refusal, StatusCodes.Status409Conflict, "Not allowed in this state", ProblemTypes.InvalidState),
    };

    private static ProblemHttpResult WithActions(Refusal refusal, int status, string title, string type) =>
        TypedResults.Problem(
            refusal.Reason,
            statusCode: status,
            title: title,
            type: type,
            extensions: new Dictionary<string, object?> { ["allowedActions"] = refusal.AllowedActions.ToArray() });
}
