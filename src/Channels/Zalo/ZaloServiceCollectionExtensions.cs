using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Workflow.Outbox;
using Polly;

namespace PhanHoi.Bot.Channels.Zalo;

public static class ZaloServiceCollectionExtensions
{
    /// <summary>
    /// The Zalo OA channel: options (<c>Channels:Zalo</c>), the token keeper and the sender with its resilient HTTP
    /// clients. When AppId/OaSecretKey are not set only the options are registered and the webhook answers 404.
    /// The host must register <c>ICredentialStore</c>.
    /// </summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ZaloOptions.Section);
        services.AddOptions<ZaloOptions>().Bind(section);
        services.AddOptions<ChannelResilienceOptions>(ZaloSender.ClientName).Bind(section.GetSection("Resilience"));
        if (!(section.Get<ZaloOptions>()?.IsConfigured ?? false))
        {
            return services;
        }

        services.AddHttpClient(ZaloSender.ClientName)
            .AddResilienceHandler(ZaloSender.ClientName, (pipeline, context) => ChannelResilience.Configure(
                pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<ChannelResilienceOptions>>().Get(ZaloSender.ClientName)));

        // A refresh spends the single-use refresh token: retry only answers that prove Zalo did not process it.
        services.AddHttpClient(ZaloAccessTokens.OAuthClientName)
            .AddResilienceHandler(ZaloAccessTokens.OAuthClientName, pipeline =>
            {
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(500),
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Result is { } response && ((int)response.StatusCode >= 500 || (int)response.StatusCode == 429)),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(20));
            });

        services.AddSingleton<ZaloAccessTokens>();
        services.AddHostedService<ZaloTokenRefresher>();
        services.AddSingleton<ZaloConversationReader>();
        services.AddSingleton<ZaloSender>();
        // Consultation messages are allowed within 7 days of the citizen's last interaction (-230 after); reminded on the last day.
        services.PostConfigure<WindowReminderOptions>(o => o.UseWindow(ZaloEventParser.Channel, TimeSpan.FromDays(7), TimeSpan.FromDays(1)));
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ZaloSender>());
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<ZaloSender>());
        return services;
    }
}
