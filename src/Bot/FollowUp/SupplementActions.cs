using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// Gathers the supplement piece by piece (platforms send a photo and its text as separate messages): each piece
/// is kept, the citizen can send more, and "Gửi bổ sung" files them all at once; "Hủy" drops them.
/// </summary>
public sealed class SupplementCollectAction : IDialogAction
{
    public const string Send = "send";
    public const string Cancel = "cancel";
    internal const string Texts = "_texts";
    internal const string Files = "_files";

    public string Name => "supplement.collect";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var piece = step.Values["piece"];
        step.Values.Remove("piece");
        switch (piece)
        {
            case JsonValue value when value.TryGetValue<string>(out var choice) && choice == Send:
                return await step.GoToAsync("submit", cancellationToken);
            case JsonValue value when value.TryGetValue<string>(out var choice) && choice == Cancel:
                await step.Waterfall.SendAsync("supplement.cancelled", null, cancellationToken);
                return await step.Waterfall.EndAsync(null, cancellationToken);
            case JsonObject message when message.Deserialize(DialogJsonContext.Default.SharedMessage) is { } received:
                if (received.Files.Count == 0 && Screening.Pleasantries.IsOnly(received.Text))
                {
                    return await AskAgainAsync(step, cancellationToken); // "ok", "cảm ơn": nothing to add
                }

                if (Screening.ContentScreen.CheckAcceptable(received.Text) is { } reason)
                {
                    // Art. 7.4–7.6 hold for what is added as for what was filed: explained, not kept.
                    await step.Waterfall.SendAsync("content." + reason, null, cancellationToken);
                    return await AskAgainAsync(step, cancellationToken);
                }

                Keep(step.Values, received);
                break;
        }

        return await step.Waterfall.NextAsync(null, cancellationToken);
    }

    /// <summary>The first question again while nothing is kept; else the "more, or send?" one (where "ok" sends).</summary>
    private static Task<DialogTurnResult> AskAgainAsync(ScriptedStep step, CancellationToken cancellationToken) =>
        step.Values[Texts] is null && step.Values[Files] is null
            ? step.GoToAsync("piece", cancellationToken)
            : step.Waterfall.NextAsync(null, cancellationToken);

    private static void Keep(JsonObject values, SharedMessage received)
    {
        var texts = values[Texts] as JsonArray ?? [];
        var files = values[Files] as JsonArray ?? [];
        if (!string.IsNullOrWhiteSpace(received.Text))
        {
            texts.Add(received.Text);
        }

        foreach (var file in received.Files)
        {
            files.Add(JsonSerializer.SerializeToNode(file, DialogJsonContext.Default.SharedFile));
        }

        values[Texts] = texts;
        values[Files] = files;
        values["textCount"] = texts.Count.ToString(CultureInfo.InvariantCulture);
        values["fileCount"] = files.Count.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Files the gathered supplement as the citizen and tells them; the pending request is then done.</summary>
public sealed class SupplementSubmitAction(ICitizenCaseDesk desk, BotState<UserData> users) : IDialogAction
{
    public string Name => "supplement.submit";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var activity = step.Waterfall.Context.Turn.Activity;
        var code = step.GetString("code") ?? string.Empty;
        var text = string.Join("\n", (step.Values[SupplementCollectAction.Texts] as JsonArray ?? []).Select(t => t?.GetValue<string>()).OfType<string>());
        var files = (step.Values[SupplementCollectAction.Files] as JsonArray ?? [])
            .Select(f => f?.Deserialize(DialogJsonContext.Default.SharedFile))
            .OfType<SharedFile>()
            .Select(f => new Attachment(f.Url, f.ContentType, f.Name))
            .ToImmutableArray();

        var result = CitizenOf.Activity(activity) is { } citizen
            ? await desk.SupplementAsync(code, citizen, text, files, cancellationToken)
            : CitizenActResult.NotFound;
        if (result == CitizenActResult.Done)
        {
            await ForgetPendingAsync(activity, code, cancellationToken);
        }

        await CitizenActOutcome.SayAsync(step, "supplement", result, cancellationToken);
        return await step.Waterfall.EndAsync(result, cancellationToken);
    }

    private async Task ForgetPendingAsync(Activities.Activity activity, string code, CancellationToken cancellationToken)
    {
        var state = await users.LoadAsync(activity, cancellationToken);
        if (state.Value.SupplementCaseCode is { } pending && string.Equals(pending, code, StringComparison.OrdinalIgnoreCase))
        {
            state.Value.SupplementCaseCode = null;
            try
            {
                await users.SaveAsync(state, cancellationToken);
            }
            catch (StateConflictException)
            {
                // the router checks the case again before using a stale request
            }
        }
    }
}
