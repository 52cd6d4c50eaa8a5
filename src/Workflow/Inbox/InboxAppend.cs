namespace PhanHoi.Bot.Workflow.Inbox;

/// <summary>
/// What an append did: <see cref="Stored"/> is false for a re-delivery; <see cref="Leased"/> is the new item when it was
/// leased to the caller (its conversation had nothing unfinished before it), otherwise null (it waits to be claimed).
/// </summary>
public readonly record struct InboxAppend(bool Stored, InboxItem? Leased);
