using System.Text.Json.Nodes;
using PhanHoi.Bot.Turns;

namespace PhanHoi.Bot.Dialogs;

/// <summary>A dialog to start, with its first values (e.g. the case <c>code</c> a tapped button carried).</summary>
public sealed record DialogStart(string DialogId, JsonObject? Values = null);

/// <summary>
/// Decides, after the global commands and before the dialog stack runs, whether a message starts a particular
/// dialog: on top of whatever is active (it resumes afterwards), or instead of the root when nothing is.
/// </summary>
public interface IDialogRouter
{
    /// <summary>The dialog to start, or null to carry on as usual.</summary>
    Task<DialogStart?> RouteAsync(ITurnContext turn, bool dialogActive, CancellationToken cancellationToken);
}
