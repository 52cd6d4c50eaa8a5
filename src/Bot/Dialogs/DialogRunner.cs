using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Recognizers;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Dialogs;

/// <summary>
/// Runs one turn of the dialog stack: loads it, drops it if it expired, handles the global commands (cancel,
/// help) at any step, lets the routers start a dialog (a tapped case button, a pending supplement), continues the
/// active dialog or starts the root one, and saves it. Where replies are delivered after the turn, the turn's replies
/// are saved with it, and a message handed over again once its turn was saved gets those replies again instead of a
/// second run.
/// </summary>
public sealed class DialogRunner(
    DialogSet dialogs,
    BotState<ConversationData> conversations,
    MessageCatalog texts,
    TimeProvider time,
    BotOptions options,
    IEnumerable<IDialogRouter>? routers = null)
{
    private readonly IReadOnlyList<IDialogRouter> _routers = [.. routers ?? []];

    public async Task<DialogTurnResult> RunAsync(ITurnContext turn, string rootDialogId, CancellationToken cancellationToken)
    {
        var state = await conversations.LoadAsync(turn.Activity, cancellationToken);
        var data = state.Value;
        if (turn.RepliesDeferred && data.LastTurn is { } journal && journal.Answers(turn.Activity))
        {
            await journal.ReplayAsync(turn, cancellationToken);
            return data.Stack.Count > 0 ? DialogTurnResult.Waiting : DialogTurnResult.Empty;
        }

        var now = time.GetUtcNow();
        if (data.Stack.Count > 0 && data.LastActivityAt is { } last && now - last > options.DialogExpiry)
        {
            data.Stack.Clear();
            await turn.SendTextAsync(texts.Render(MessageKeys.Expired), cancellationToken);
        }

        var context = new DialogContext(turn, dialogs, texts, data.Stack);
        var result = await RunCoreAsync(context, rootDialogId, cancellationToken);

        data.LastActivityAt = now;
        data.LastTurn = turn.RepliesDeferred && !string.IsNullOrEmpty(turn.Activity.Id) ? TurnJournal.Record(turn.Activity.Id, turn.Sent) : null;
        await conversations.SaveAsync(state, cancellationToken);
        return result;
    }

    private async Task<DialogTurnResult> RunCoreAsync(DialogContext context, string rootDialogId, CancellationToken cancellationToken)
    {
        var activity = context.Turn.Activity;
        if (SharedInfo.IsSharedInfo(activity))
        {
            // Details shared from a platform card only answer a question already asked.
            return context.Active is null ? DialogTurnResult.Empty : await context.ContinueDialogAsync(cancellationToken);
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            // Shared profile details answer the waiting prompt (if it takes them); other events move nothing.
            return context.Active is null ? DialogTurnResult.Empty
                : SharedInfo.IsSharedInfo(activity) ? await context.ContinueDialogAsync(cancellationToken)
                : DialogTurnResult.Waiting;
        }

        switch (GlobalCommandRecognizer.Recognize(activity.GetButtonPayload() ?? activity.Text))
        {
            case GlobalCommand.Cancel:
                var hadDialog = context.Active is not null;
                context.CancelAll();
                await context.SendAsync(hadDialog ? MessageKeys.CancelDone : MessageKeys.CancelNothing, null, cancellationToken);
                return DialogTurnResult.Cancelled;
            case GlobalCommand.Help:
                // Mid-dialog the question is asked again; between dialogs the menu follows, with its buttons.
                await context.SendAsync(MessageKeys.Help, null, cancellationToken);
                if (context.Active is null)
                {
                    return await context.BeginDialogAsync(rootDialogId, null, cancellationToken);
                }

                await context.RepromptAsync(cancellationToken);
                return DialogTurnResult.Waiting;
        }

        // Waiting at the menu is no conversation in progress: a message a pending request (a supplement reception asked
        // for, told while the menu was up) or a shortcut is for goes there as if nothing were active.
        var atMenu = context.Stack.Count is 1 or 2 && context.Stack[0].Id == rootDialogId;
        foreach (var router in _routers)
        {
            if (await router.RouteAsync(context.Turn, context.Active is not null && !atMenu, cancellationToken) is { } start)
            {
                if (atMenu)
                {
                    context.CancelAll(); // nothing to come back to; anything else the start interrupts is resumed after it
                }

                return await context.BeginDialogAsync(start.DialogId, start.Values, cancellationToken);
            }
        }

        return context.Active is null
            ? await context.BeginDialogAsync(rootDialogId, null, cancellationToken)
            : await context.ContinueDialogAsync(cancellationToken);
    }
}
