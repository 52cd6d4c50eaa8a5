using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PhanHoi.Bot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// <c>/api/messages</c> support: options, the connector client that replies to <c>serviceUrl</c>, and case notices
    /// to the conversation each citizen last wrote from.
    /// </summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.Section));
        services.AddHttpClient<BotConnectorSender>(BotConnectorSender.ClientName)
            .AddResilienceHandler(BotConnectorSender.ClientName, pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(10))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                })
                .AddTimeout(TimeSpan.FromSeconds(3)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotFrameworkReferences>();
        var noticeChannels = configuration.GetSection(BotFrameworkOptions.Section).Get<BotFrameworkOptions>()?.NoticeChannels ?? new BotFrameworkOptions().NoticeChannels;
        foreach (var channel in noticeChannels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            services.AddSingleton<PhanHoi.Bot.Notices.IProactiveChannel>(sp => new BotFrameworkProactiveChannel(
                channel, sp.GetRequiredService<BotFrameworkReferences>(), sp.GetRequiredService<IHttpClientFactory>()));
        }

        return services;
    }
}
