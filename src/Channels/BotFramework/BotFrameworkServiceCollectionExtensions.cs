using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PhanHoi.Bot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary><c>/api/messages</c> support: options and the connector client that replies to <c>serviceUrl</c>.</summary>
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
        return services;
    }
}
