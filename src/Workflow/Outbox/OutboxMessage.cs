using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (now or at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    Sent,

    /// <summary>The platform's window is closed: waits for the citizen's next message (visible to staff).</summary>
    Held,

    /// <summary>The platform said it can never be delivered (e.g. the citizen blocked the page).</summary>
    Undeliverable,
}

/// <summary>A notice queued for a citizen's chat, written in the same transaction as the case change.</summary>
public sealed record OutboxMessage(
    long Id,
    Guid CaseId,
    CitizenAddress Recipient,
    Notice Notice,
    DateTimeOffset CreatedAt,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError)
{
    /// <summary>Its <see cref="LastError"/> when an earlier claim ended with no outcome recorded (the instance stopped).</summary>
    public const string InterruptedNote = "interrupted: the instance sending it stopped before recording the outcome";

    /// <summary>
    /// An earlier claim of this message ended with no outcome recorded, most likely an instance killed mid-send (the claim
    /// noted it in <see cref="LastError"/>; any outcome replaces the note): the platform may already have shown it, so
    /// the dispatcher asks before sending it again.
    /// </summary>
    public bool Interrupted => LastError == InterruptedNote;
}
