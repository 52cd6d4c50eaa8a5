using PhanHoi.Bot.Dialogs;

namespace PhanHoi.Bot.State;

/// <summary>Per-conversation state: the dialog stack, when the citizen last wrote and, where replies are delivered
/// after the turn, the last turn's replies.</summary>
public sealed class ConversationData
{
    public List<DialogInstance> Stack { get; set; } = [];

    public DateTimeOffset? LastActivityAt { get; set; }

    public TurnJournal? LastTurn { get; set; }
}
