using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>What the citizen must be told about their case (SPEC §4).</summary>
public enum NoticeKind
{
    Filed,
    Accepted,
    InfoRequested,
    Rejected,
    Delayed,
    Published,
    AnswerCancelled,
    RebuttalReceived,
    RebuttalAnswered,
    Closed,
    Completed,

    /// <summary>
    /// Not about a change: the platform's window for writing to the citizen closes soon while their case is still open, so
    /// the bot asks them to answer once to keep receiving notices (<see cref="Outbox.WindowReminders"/>). Its
    /// <c>until</c> value is when the window closes; after that it is not sent at all.
    /// </summary>
    WindowClosing,
}

/// <summary>
/// A message for the citizen, channel-neutral: the bot renders <see cref="Kind"/> with <see cref="Values"/>
/// (e.g. <c>code</c>, <c>reason</c>, <c>answer</c>, <c>deadline</c>) from a dialogs/ template.
/// </summary>
public sealed record Notice(NoticeKind Kind, string CaseCode, ImmutableDictionary<string, string> Values)
{
    public static Notice Of(NoticeKind kind, string caseCode, params (string Key, string Value)[] values) =>
        new(kind, caseCode, values.ToImmutableDictionary(v => v.Key, v => v.Value));
}
