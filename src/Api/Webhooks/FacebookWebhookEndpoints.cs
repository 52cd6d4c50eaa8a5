using System.Text.Json;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Messenger;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// <c>GET /webhooks/facebook</c>: the subscription handshake (echo <c>hub.challenge</c> when the verify token
/// matches, else 403). <c>POST /webhooks/facebook</c>: batched Messenger events; size, then
/// <c>X-Hub-Signature-256</c> over the raw bytes, then JSON, then durable storage, then 200.
/// </summary>
public static class FacebookWebhookEndpoints
{
    public static IEndpointRouteBuilder MapFacebookWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet("/webhooks/facebook", Verify).WithTags("Webhooks").AllowAnonymous();
        app.MapPost("/webhooks/facebook", Receive).WithTags("Webhooks").AllowAnonymous();
        return app;
    }

    private static IResult Verify(HttpRequest request, IOptions<MessengerOptions> options)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return WebhookResults.Off("Facebook");
        }

        var query = request.Query;
        return query["hub.mode"] == "subscribe" && MessengerSignature.IsVerifyToken(query["hub.verify_token"], settings.VerifyToken)
            ? Results.Text(query["hub.challenge"].ToString(), "text/plain")
            : TypedResults.Problem("The verify token does not match.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                type: Problems.ProblemTypes.Forbidden);
    }

    private static async Task<IResult> Receive(
        HttpRequest request, IOptions<MessengerOptions> options, WebhookIntake intake, ILoggerFactory loggers, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return WebhookResults.Off("Facebook");
        }

        var body = await WebhookBody.ReadAsync(request, settings.MaxBodyBytes, ct);
        if (body is null)
        {
            return WebhookResults.TooLarge(settings.MaxBodyBytes);
        }

        if (!MessengerSignature.IsValid(request.Headers[MessengerSignature.Header].ToString(), settings.AppSecret!, body))
        {
            loggers.CreateLogger(typeof(FacebookWebhookEndpoints)).LogWarning("Messenger webhook refused: signature missing or wrong");
            return WebhookResults.BadSignature();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookResults.Malformed();
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return WebhookResults.Malformed();
            }

            await intake.AcceptAsync(MessengerEventParser.Channel, MessengerEventParser.Parse(document.RootElement, settings.GetStartedPayload), ct);
            return WebhookResults.Acknowledged();
        }
    }
}
