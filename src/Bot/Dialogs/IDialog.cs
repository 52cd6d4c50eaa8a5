namespace PhanHoi.Bot.Dialogs;

/// <summary>
/// A step machine whose whole state lives in its <see cref="DialogInstance"/>, so it can stop after any turn
/// and continue hours later on another instance.
/// </summary>
public interface IDialog
{
    string Id { get; }

    Task<DialogTurnResult> BeginAsync(DialogContext context, object? options, CancellationToken cancellationToken);

    /// <summary>The citizen wrote while this dialog was on top of the stack.</summary>
    Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken);

    /// <summary>A child dialog this one started has ended with <paramref name="result"/>.</summary>
    Task<DialogTurnResult> ResumeAsync(DialogContext context, object? result, CancellationToken cancellationToken);

    /// <summary>Say again what this dialog is waiting for (after help or a resumption).</summary>
    Task RepromptAsync(DialogContext context, CancellationToken cancellationToken);
}
