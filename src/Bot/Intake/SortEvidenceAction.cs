using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;

namespace PhanHoi.Bot.Intake;

/// <summary>
/// Keeps what the last answer to the photos-and-location question brought: files are added to <c>photos</c>, a
/// location replaces <c>location</c>, more text is added to the content. Then asks for more, unless the citizen is done: they skipped or said "Xong",
/// or sent a location after photos (what a citizen sends last). Done, the intake goes on at <c>evidenceDone</c>,
/// or back to the summary when this was an edit from it: there "bỏ qua" keeps what was sent before, "không" takes it away.
/// </summary>
public sealed class SortEvidenceAction : IDialogAction
{
    public const string EditingKey = "_evidenceEdit";
    public const string EarlierKey = "_evidenceEarlier";
    private const string ContentPrompt = "intake.content";

    // Said as the whole answer: "thôi", "không cần", "không sửa nữa" keep what was sent.
    private static readonly Screening.Phrases TakesAway = Screening.Phrases.Marked(
        "không", "không có", "không có ảnh", "không có gì", "xóa", "xoá", "xóa ảnh", "xoá ảnh", "xóa hết", "xoá hết", "bỏ ảnh");

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
            case JsonObject message when message.Deserialize(DialogJsonContext.Default.SharedMessage) is { Text: { } more }:
                return AddToContentAsync(step, more, cancellationToken);
            case JsonObject location:
                step.Values["location"] = location;
                return step.Values["photos"] is JsonArray { Count: > 0 } ? DoneAsync(step, cancellationToken) : step.Waterfall.NextAsync(null, cancellationToken);
            default:
                return DoneAsync(step, cancellationToken);
        }
    }

    /// <summary>
    /// Text sent at this question continues the content (within its length, and screened as the content was); then the
    /// question is asked again.
    /// </summary>
    private static async Task<DialogTurnResult> AddToContentAsync(ScriptedStep step, string more, CancellationToken cancellationToken)
    {
        var content = step.GetString("content") ?? string.Empty;
        var combined = content.Length == 0 ? more : $"{content}\n{more}";
        var reason = Screening.ContentScreen.Check(more)
            ?? (combined.Length > Dialogs.Validators.ContentLengthValidator.Maximum ? "tooLong" : null);
        var refusal = reason is null ? null
            : step.Waterfall.Context.Dialogs.Get(ContentPrompt) is PromptDialog asked ? asked.Definition.RetryKeyFor(reason) // as the content question says it
            : "content." + reason;
        if (refusal is null)
        {
            step.Values["content"] = combined;
        }

        await step.Waterfall.SendAsync(refusal ?? "intake.content.added", null, cancellationToken);
        return await step.Waterfall.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> DoneAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var editing = step.Values.Remove(EditingKey);
        var answer = Screening.Phrases.WordsOf(step.Waterfall.Context.Turn.Activity.Text);
        if (editing && answer.Count > 0 && TakesAway.LengthAt(answer, 0) == answer.Count)
        {
            step.Values.Remove(EarlierKey); // "không", "không có", "xóa": the photos (or location) given before are taken away
        }

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
