using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>Resilience settings of one platform's HTTP client (section <c>Channels:&lt;platform&gt;:Resilience</c>).</summary>
public sealed class ChannelResilienceOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int RetryAttempts { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    public int BreakerMinimumThroughput { get; set; } = 20;
}

public static class ChannelResilience
{
    /// <summary>
    /// Total timeout → retry (exponential, jittered; only network errors, timeouts, 5xx, 408 and 429, never an
    /// answer the platform gave as final) → circuit breaker → per-attempt timeout.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ChannelResilienceOptions options)
    {
        // Network waits are real time even when the application clock is simulated (tests, replays).
        pipeline.TimeProvider = TimeProvider.System;
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
