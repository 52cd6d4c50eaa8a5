using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Scripted;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// Keeps what the last answer to the photos-and-location question brought: files are added to <c>photos</c>, a
/// location replaces <c>location</c>. Then asks for more, unless the citizen is done: they skipped or said "Xong",
/// or sent a location after photos (what a citizen sends last). Done, the intake goes on at <c>evidenceDone</c>,
/// or back to the summary when this was an edit from it.
/// </summary>
public sealed class SortEvidenceAction : IDialogAction
{
    public const string EditingKey = "_evidenceEdit";
    public const string EarlierKey = "_evidenceEarlier";

    public string Name => "intake.sortEvidence";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var evidence = step.Values["evidence"];
        step.Values.Remove("evidence");
        switch (evidence)
        {
            case JsonArray files:
                var photos = step.Values["photos"] as JsonArray ?? [];
                foreach (var file in files.ToList())
                {
                    files.Remove(file);
                    photos.Add(file);
                }

                step.Values["photos"] = photos;
                return step.Waterfall.NextAsync(null, cancellationToken);
            case JsonObject location:
                step.Values["location"] = location;
                return step.Values["photos"] is JsonArray { Count: > 0 } ? DoneAsync(step, cancellationToken) : step.Waterfall.NextAsync(null, cancellationToken);
            default:
                return DoneAsync(step, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> DoneAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var editing = step.Values.Remove(EditingKey);
        if (step.Values[EarlierKey] is JsonObject earlier)
        {
            step.Values.Remove(EarlierKey);
            foreach (var (field, value) in earlier.ToList())
            {
                if (step.Values[field] is null && value is not null)
                {
                    earlier.Remove(field);
                    step.Values[field] = value;
                }
            }
        }

        return step.GoToAsync(editing ? "summary" : "evidenceDone", cancellationToken);
    }
}
