namespace PhanHoi.Bot.Workflow.Outbox;

public enum SendOutcome
{
    Sent,

    /// <summary>A transient failure (5xx, 429, network): try again later.</summary>
    RetryLater,

    /// <summary>The platform's messaging window is closed: hold until the citizen writes again.</summary>
    OutsideWindow,

    /// <summary>Final: the platform will never accept it.</summary>
    Undeliverable,
}

public sealed record SendResult(SendOutcome Outcome, string? Detail = null)
{
    public static SendResult Sent { get; } = new(SendOutcome.Sent);
}

/// <summary>Channel-neutral: the bot renders the notice and a channel delivers it to the citizen's chat.</summary>
public interface INoticeSender
{
    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the citizen's chat already shows <paramref name="message"/> (an interrupted send may have delivered it);
    /// false when the channel cannot tell, so the notice goes out again rather than not at all.
    /// </summary>
    Task<bool> WasShownAsync(OutboxMessage message, CancellationToken cancellationToken);
}
