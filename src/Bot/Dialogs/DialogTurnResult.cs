namespace PhanHoi.Bot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active and none was started.</summary>
    Empty,

    /// <summary>A dialog waits for the citizen's next message.</summary>
    Waiting,

    Complete,

    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}
