using Microsoft.Net.Http.Headers;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// Who is calling a Direct Line endpoint, from the <c>Authorization: Bearer</c> token. A missing or forged token is
/// 401; an expired one 403 (what Web Chat reads as "token expired"); a token for another conversation 403.
/// </summary>
public static class DirectLineCaller
{
    public static (DirectLineToken? Token, IResult? Refusal) Authenticate(HttpRequest request, DirectLineTokens tokens, string? conversationId = null)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        var value = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return Decide(tokens.Check(value, TokenPurpose.Conversation), conversationId);
    }

    public static (DirectLineToken? Token, IResult? Refusal) Decide(TokenCheck check, string? conversationId)
    {
        if (check.Claims is not { } claims)
        {
            return (null, Refused(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Direct Line token is required."));
        }

        if (check.Expired)
        {
            return (null, Refused(StatusCodes.Status403Forbidden, "Token expired", "The Direct Line token has expired; get a new one."));
        }

        if (conversationId is not null && !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, Refused(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."));
        }

        return (claims, null);
    }

    public static IResult ConversationGone() =>
        TypedResults.Problem("The conversation does not exist or has ended.", statusCode: StatusCodes.Status404NotFound, title: "Not found", type: ProblemTypes.NotFound);

    public static IResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    /// <summary><c>https://host/base</c> of this request: where uploads are served and what the bot sees as serviceUrl.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string StreamUrl(HttpRequest request, string conversationId, string streamToken, string watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineChannel.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream"
               + $"?t={Uri.EscapeDataString(streamToken)}&watermark={Uri.EscapeDataString(watermark)}";
    }

    private static IResult Refused(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: status == 401 ? ProblemTypes.Unauthorized : ProblemTypes.Forbidden);
}
