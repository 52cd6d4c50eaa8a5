namespace PhanHoi.Bot.Bench.Load;

/// <summary>How a citizen's message reaches the service: <c>/api/messages</c>, or a signed platform webhook.</summary>
public interface ITransport
{
    string Name { get; }

    /// <summary>Sends one message as <paramref name="userId"/>; returns the time until the service acknowledged it.</summary>
    Task<TimeSpan> SendAsync(string userId, string messageId, string text, CancellationToken cancellationToken);
}
