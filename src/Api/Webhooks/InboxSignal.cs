using PhanHoi.Bot.Workflow.Signals;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>Wakes the inbox worker as soon as a webhook stored something, instead of waiting for the next poll.</summary>
public sealed class InboxSignal : WakeSignal;
