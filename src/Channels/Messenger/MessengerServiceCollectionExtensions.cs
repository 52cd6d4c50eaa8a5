using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Messenger;

public static class MessengerServiceCollectionExtensions
{
    /// <summary>
    /// The Messenger channel: options (<c>Channels:Facebook</c>) and the sender with its resilient HTTP client.
    /// When AppSecret is not set only the options are registered and the webhook answers 404.
    /// </summary>
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MessengerOptions.Section);
        services.AddOptions<MessengerOptions>().Bind(section);
        services.AddOptions<ChannelResilienceOptions>(MessengerSender.ClientName).Bind(section.GetSection("Resilience"));
        if (!(section.Get<MessengerOptions>()?.IsConfigured ?? false))
        {
            return services;
        }

        services.AddHttpClient(MessengerSender.ClientName)
            .AddResilienceHandler(MessengerSender.ClientName, (pipeline, context) => ChannelResilience.Configure(
                pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<ChannelResilienceOptions>>().Get(MessengerSender.ClientName)));
        services.AddSingleton<MessengerConversationReader>();
        services.AddSingleton<MessengerSender>();
        // Replies are allowed within 24 hours of the citizen's last message (the update tags were retired in 2026). Reminded
        // from 15 hours on: with nights kept quiet (22:00-06:00) every citizen still gets a daytime moment before it closes.
        services.PostConfigure<WindowReminderOptions>(o => o.UseWindow(MessengerEventParser.Channel, TimeSpan.FromHours(24), TimeSpan.FromHours(9)));
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<MessengerSender>());
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<MessengerSender>());
        return services;
    }
}
