using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>The outcome of applying a command: a <see cref="Transition"/> or a <see cref="Refusal"/>.</summary>
public abstract record TransitionResult;

/// <summary>The new case, the history line to append, and the notices for the citizen (may be empty).</summary>
public sealed record Transition(Case Case, HistoryEntry History, ImmutableArray<Notice> Notices) : TransitionResult;

public enum RefusalKind
{
    /// <summary>Not allowed in the case's current state (HTTP 409).</summary>
    State,

    /// <summary>Not allowed for this actor's role or agency (HTTP 403).</summary>
    Forbidden,

    /// <summary>The input is missing or invalid (HTTP 400); <see cref="Refusal.Errors"/> names the fields.</summary>
    Invalid,
}

public sealed record Refusal(
    RefusalKind Kind,
    string Reason,
    ImmutableArray<CaseAction> AllowedActions,
    ImmutableDictionary<string, string[]>? Errors = null) : TransitionResult;
