using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Channels.Delivery;

/// <summary>What a failed platform call means once the resilience pipeline has given up on it.</summary>
public static class ChannelFailures
{
    /// <summary>Network errors, timeouts and an open circuit: the platform may take it later.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static SendResult FromHttpStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            ? new SendResult(SendOutcome.RetryLater, $"HTTP {(int)status}")
            : new SendResult(SendOutcome.Undeliverable, $"HTTP {(int)status}");
}

/// <summary>A turn's reply the platform did not take; <see cref="Result"/> says whether it may later.</summary>
public sealed class ChannelDeliveryException(string channel, SendResult result)
    : Exception($"The {channel} platform did not take the reply: {result.Outcome} ({result.Detail})")
{
    public SendResult Result { get; } = result;
}
