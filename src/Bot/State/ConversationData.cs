using PhanHoi.Bot.Dialogs;

namespace PhanHoi.Bot.State;

/// <summary>Per-conversation state: the dialog stack and when the citizen last wrote.</summary>
public sealed class ConversationData
{
    public List<DialogInstance> Stack { get; set; } = [];

    public DateTimeOffset? LastActivityAt { get; set; }
}
