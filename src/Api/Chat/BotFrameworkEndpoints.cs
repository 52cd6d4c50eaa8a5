using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Api.Problems;
using PhanHoi.Bot.Channels.BotFramework;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Api.Chat;

/// <summary>
/// <c>POST /api/messages</c>: Bot Framework activities in, replies to the activity's <c>serviceUrl</c>, or in the
/// answer's body (<see cref="ExpectedReplies"/>) when the activity asks for <c>deliveryMode: "expectReplies"</c>.
/// </summary>
public static class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", Receive).WithTags("Chat").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Receive(
        HttpRequest request,
        ActivityProcessor processor,
        BotConnectorSender sender,
        BotFrameworkReferences references,
        IOptions<BotFrameworkOptions> options,
        CancellationToken ct)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AppId))
        {
            // Bot Framework service-to-bot JWTs need the connector's signing keys, which this deployment cannot fetch.
            return TypedResults.Problem(
                "Authenticated Bot Framework channels are not supported; leave Channels:BotFramework:AppId empty.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: ProblemTypes.Unauthorized);
        }

        if (request.ContentLength > settings.MaxBodyBytes)
        {
            return TypedResults.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(request.Body, ActivityJsonContext.Default.Activity, ct);
        }
        catch (JsonException)
        {
            return Problems.Problems.Invalid("body", "The body is not a Bot Framework activity.");
        }

        var errors = ActivityChecks.Validate(activity, settings);
        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        if (activity!.IsType(ActivityTypes.Message))
        {
            await references.RememberAsync(activity, ct);
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var collected = new ExpectedRepliesSender();
            await processor.ProcessAsync(activity, collected, ct);
            return TypedResults.Json(collected.Replies, ActivityJsonContext.Default.ExpectedReplies);
        }

        await processor.ProcessAsync(activity, sender, ct);
        return TypedResults.Ok();
    }
}
