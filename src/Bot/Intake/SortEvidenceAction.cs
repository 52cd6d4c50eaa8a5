using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// One question offers photos, files and a location together: what came is kept as <c>photos</c> or
/// <c>location</c>, so the intake asks for the other kind only when one was sent, and nothing when skipped.
/// </summary>
public sealed class SortEvidenceAction : IDialogAction
{
    public string Name => "intake.sortEvidence";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var evidence = step.Values["evidence"];
        step.Values.Remove("evidence");
        switch (evidence)
        {
            case JsonArray files:
                step.Values["photos"] = files;
                break;
            case JsonObject location:
                step.Values["location"] = location;
                break;
        }

        return step.Waterfall.NextAsync(null, cancellationToken);
    }
}
