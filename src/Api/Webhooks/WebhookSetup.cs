using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Channels.Zalo;

namespace PhanHoi.Bot.Api.Webhooks;

public static class WebhookSetup
{
    /// <summary>The Zalo and Messenger channels, the webhook intake and the inbox worker that runs their turns.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddZaloChannel(builder.Configuration);
        builder.Services.AddMessengerChannel(builder.Configuration);
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return builder;
    }
}
