namespace PhanHoi.Bot.Api.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>The platform webhooks: <c>/webhooks/zalo</c> and <c>/webhooks/facebook</c>.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app) =>
        app.MapZaloWebhook().MapFacebookWebhook();
}
