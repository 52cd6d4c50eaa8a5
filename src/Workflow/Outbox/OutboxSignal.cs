using PhanHoi.Bot.Workflow.Signals;

namespace PhanHoi.Bot.Workflow.Outbox;

/// <summary>Wakes the dispatcher as soon as a change queued a notice, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
