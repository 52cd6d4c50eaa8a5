using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Channels.Messenger;
using PhanHoi.Bot.Channels.Zalo;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Privacy;
using StackExchange.Redis;

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
        AddAttachmentKeeper(builder);
        // What to register is decided from configuration; the services themselves take the validated options.
        var inbox = builder.Configuration.GetSection(InboxOptions.Section).Get<InboxOptions>() ?? new InboxOptions();
        if (inbox.EffectiveTurnThreads > 0)
        {
            builder.Services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<InboxOptions>>().Value;
                return new TurnScheduler(options.EffectiveTurnThreads, options.TurnNice);
            });
        }

        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        if (inbox.Store == InboxStoreKind.Redis)
        {
            AddRedisInbox(builder); // its finished items expire by themselves
        }
        else
        {
            builder.Services.AddHostedService<InboxRetention>();
        }

        return builder;
    }

    /// <summary>
    /// Copies citizens' photos out of the platforms before their links expire. One attempt within
    /// <see cref="AttachmentKeeperOptions.DownloadTimeout"/>: a file that cannot be fetched keeps the platform's link.
    /// </summary>
    private static void AddAttachmentKeeper(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentKeeperOptions>().BindConfiguration(AttachmentKeeperOptions.Section);
        builder.Services.AddHttpClient(AttachmentKeeper.ClientName);
        builder.Services.AddSingleton<AttachmentKeeper>();
    }

    /// <summary>Replaces the database inbox registered with the storage; the Redis connection is the bot's own.</summary>
    private static void AddRedisInbox(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            throw new InvalidOperationException("Inbox:Store is Redis but ConnectionStrings:Redis is not set: set it, or Inbox:Store=Database.");
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IInboxStore>(sp => new RedisInboxStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<RedisKeys>(),
            sp.GetRequiredService<IPersonalDataProtector>(),
            sp.GetRequiredService<IOptions<InboxOptions>>().Value)));
        builder.Services.AddHostedService<RedisInboxDurabilityCheck>();
    }
}
