using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhanHoi.Bot.Notices;

namespace PhanHoi.Bot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The Direct Line channel for Web Chat: options (<c>Channels:DirectLine</c>), tokens, the conversation
    /// log (in process, or in Redis when <c>ConnectionStrings:Redis</c> is set), uploads (in process), the reply sender and the <c>webchat</c> notice channel. The host supplies
    /// <see cref="DirectLineOptions.TokenSigningKey"/> when configuration leaves it empty.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineActivities>();
        services.AddSingleton<ConversationSignals>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<IDirectLineConversationStore, InProcessDirectLineConversationStore>();
        }
        else
        {
            services.AddSingleton<IDirectLineConversationStore, RedisDirectLineConversationStore>(); // IConnectionMultiplexer, RedisKeys: AddBotCore
        }

        services.AddSingleton<DirectLineUploads>();
        services.AddSingleton<DirectLineActivitySender>();
        services.AddSingleton<IProactiveChannel, DirectLineProactiveChannel>();
        return services;
    }
}
