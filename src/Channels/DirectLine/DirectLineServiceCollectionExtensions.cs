using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhanHoi.Bot.Notices;

namespace PhanHoi.Bot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The Direct Line channel for Web Chat: options (<c>Channels:DirectLine</c>), tokens, the in-process conversation
    /// log, uploads, the reply sender and the <c>webchat</c> notice channel. The host supplies
    /// <see cref="DirectLineOptions.TokenSigningKey"/> when configuration leaves it empty.
    /// </summary>
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineActivities>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<IDirectLineConversationStore, InProcessDirectLineConversationStore>();
        services.AddSingleton<DirectLineUploads>();
        services.AddSingleton<DirectLineActivitySender>();
        services.AddSingleton<IProactiveChannel, DirectLineProactiveChannel>();
        return services;
    }
}
