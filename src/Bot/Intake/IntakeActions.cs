using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Intake;

/// <summary>Consent is an explicit yes (Art. 7.7): without it the intake stops, nothing is filed.</summary>
public sealed class RequireConsentAction : IDialogAction
{
    public string Name => "intake.requireConsent";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        if (step.GetBool("consent"))
        {
            return await step.Waterfall.NextAsync(null, cancellationToken);
        }

        await step.Waterfall.SendAsync("intake.proxy.noConsent", null, cancellationToken);
        return await step.Waterfall.EndAsync(null, cancellationToken);
    }
}

/// <summary>Shows what will be filed so the citizen can check it before sending.</summary>
public sealed class IntakeSummaryAction(IEnumerable<IChoiceSource> choiceSources) : IDialogAction
{
    public string Name => "intake.summary";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        step.EndEditing(); // back at the summary, whatever was changed on the way
        var texts = step.Waterfall.Context.Texts;
        var none = texts.Render("summary.none");
        var categoryCode = step.GetString("category");
        var categories = choiceSources.FirstOrDefault(s => s.Name == "categories");
        var categoryTitle = categories is null
            ? categoryCode
            : (await categories.GetChoicesAsync(step.Waterfall.Context.Turn.Activity, cancellationToken)).FirstOrDefault(c => c.Value == categoryCode)?.Title ?? categoryCode;
        var photos = step.Get("photos", DialogJsonContext.Default.ListSharedFile)?.Count ?? 0;

        var variables = step.Variables();
        variables["categoryTitle"] = categoryTitle ?? none;
        variables["photoCount"] = photos == 0 ? none : photos.ToString(CultureInfo.InvariantCulture);
        variables["locationText"] = step.Values["location"] is null ? none : texts.Render("summary.shared");
        variables["taxText"] = step.GetBool("hasTax") ? step.GetString("taxCode") ?? none : none;
        variables["proxyText"] = !step.GetBool("onBehalf") ? texts.Render("summary.no")
            : step.GetString("proxyName") is null ? none
            : texts.Render("summary.proxy", variables); // all Art. 7.7 asks for, so the citizen can check it
        await step.Waterfall.SendAsync("intake.summary", variables, cancellationToken);
        return await step.Waterfall.NextAsync(null, cancellationToken);
    }
}

/// <summary>
/// Goes back to the one field the citizen wants to change, then returns to the summary. Photos or the location are
/// asked again with the question that takes both (what was sent of that kind is dropped first); a tax code is
/// added, or, when there is one, whether the PAKN is tax-related is asked again (<see cref="TaxEditedAction"/>);
/// sending on someone's behalf is asked again in full; "Quay lại" is the summary again.
/// </summary>
public sealed class IntakeEditAction : IDialogAction
{
    public string Name => "intake.edit";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var field = step.GetString("editField") ?? "content";
        step.Values.Remove("decision");
        step.Values.Remove("editField");
        switch (field)
        {
            case "summary":
                return step.GoToAsync("summary", cancellationToken);
            case "photos" or "location":
                // Sent again, they replace what was there; skipped, what was there stays; "không" takes it away.
                if (step.Values[field] is { } earlier)
                {
                    step.Values.Remove(field);
                    step.Values[SortEvidenceAction.EarlierKey] = new JsonObject { [field] = earlier };
                }

                step.Values[SortEvidenceAction.EditingKey] = true;
                return step.GoToAsync("evidence", cancellationToken);
            case "taxCode" when step.GetBool("hasTax"):
                // Whether it is tax-related is asked again, so a tax code given by mistake can be taken away.
                step.EditThenGoOn();
                return step.GoToAsync("taxQuestion", cancellationToken);
            case "taxCode":
                step.Values["hasTax"] = true; // adding one makes the PAKN tax-related
                break;
            case "onBehalf":
                // The on-behalf questions are asked again in full; the summary follows them.
                step.EditThenGoOn();
                return step.GoToAsync("onBehalf", cancellationToken);
        }

        step.EditThenReturn("summary");
        return step.GoToAsync(field, cancellationToken);
    }
}

/// <summary>
/// After the tax questions. "Không có mã" at the code makes the PAKN not tax-related (one needs its code). Asked again
/// from the summary: a "no" drops the tax code given before; then the summary again.
/// </summary>
public sealed class TaxEditedAction : IDialogAction
{
    public string Name => "intake.taxEdited";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        if (step.GetBool("hasTax") && step.GetString("taxCode") is null)
        {
            step.Values["hasTax"] = false; // "Không có mã": a tax-related PAKN needs its code, so it is filed as not tax-related
        }

        if (!step.IsEditing)
        {
            return step.Waterfall.NextAsync(null, cancellationToken);
        }

        if (!step.GetBool("hasTax"))
        {
            step.Values.Remove("taxCode");
        }

        return step.GoToAsync("summary", cancellationToken);
    }
}

/// <summary>
/// Files the PAKN through <see cref="ICitizenCaseDesk"/> and tells the citizen the tracking code. The content may
/// have been edited from the summary, so the duplicate check runs again first.
/// </summary>
public sealed class IntakeSubmitAction(ICitizenCaseDesk desk, Screening.DuplicateContent duplicates, DuplicateCheckAction duplicateCheck) : IDialogAction
{
    public string Name => "intake.submit";

    public async Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        var activity = step.Waterfall.Context.Turn.Activity;
        var submissionKey = string.IsNullOrEmpty(activity.Id) ? null : $"{activity.ChannelId}:{activity.Id}";

        // This very message filed before (its turn ran again after a crash): answer with that case, file nothing.
        var filed = submissionKey is null ? null : await desk.FindSubmissionAsync(submissionKey, cancellationToken);
        if (filed is null)
        {
            if (await DuplicateCheckAction.FindAsync(step, duplicates, cancellationToken) is not null)
            {
                return await duplicateCheck.RunAsync(step, cancellationToken);
            }

            filed = await desk.SubmitAsync(NewCaseOf(step, activity, submissionKey), cancellationToken);
        }

        // The one message on filing: the code and the triage deadline (the workflow queues no separate notice).
        await step.Waterfall.SendAsync(
            "intake.filed",
            new Dictionary<string, string> { ["code"] = filed.Code, ["deadline"] = DisplayDates.Of(filed.TriageBy) },
            cancellationToken);
        return await step.Waterfall.EndAsync(filed.Code, cancellationToken);
    }

    private static NewCase NewCaseOf(ScriptedStep step, Activities.Activity activity, string? submissionKey)
    {
        var proxy = step.GetBool("onBehalf")
            ? new ProxyDetails(
                step.GetString("proxyName") ?? string.Empty,
                step.GetString("proxyAddress") ?? string.Empty,
                step.GetString("proxyPhone") ?? string.Empty,
                step.GetString("proxyReason") ?? string.Empty,
                step.GetBool("consent"))
            : null;
        var location = step.Get("location", DialogJsonContext.Default.SharedLocation);
        var files = step.Get("photos", DialogJsonContext.Default.ListSharedFile) ?? [];

        return new NewCase(
            ChannelOf(activity.ChannelId),
            step.GetString("category") ?? string.Empty,
            step.GetString("content") ?? string.Empty,
            step.GetString("decision") == "sendPrivate",
            new CitizenDetails(
                step.GetString("name") ?? string.Empty,
                step.GetString("phone") ?? string.Empty,
                step.GetBool("hasTax") ? step.GetString("taxCode") : null,
                proxy),
            activity.ChannelId is { } channel && activity.From?.Id is { } user ? new CitizenAddress(channel, user) : null,
            [.. files.Select(f => new Workflow.Cases.Attachment(f.Url, f.ContentType, f.Name))],
            location is null ? null : new GeoLocation(location.Latitude, location.Longitude, location.Name),
            submissionKey,
            ToldInReply: true);
    }

    private static CaseChannel ChannelOf(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        "zalo" => CaseChannel.Zalo,
        "facebook" => CaseChannel.Facebook,
        _ => CaseChannel.Webchat,
    };
}

/// <summary>
/// "Có, mã số thuế 0100109106": a yes to whether the PAKN is tax-related that already gives one valid code keeps it,
/// and the code question is passed over (to <c>taxAnswered</c>). Otherwise the code question follows as usual; a number
/// that is no valid code is not taken, the question asks for it.
/// </summary>
public sealed class TaxCodeInAnswerAction(ITaxCodeValidator validator) : IDialogAction
{
    private readonly TaxCodeRecognizer recognizer = new(validator);

    public string Name => "intake.taxCodeInAnswer";

    public Task<DialogTurnResult> RunAsync(ScriptedStep step, CancellationToken cancellationToken)
    {
        if (step.GetBool("hasTax")
            && recognizer.Recognize(step.Waterfall.Context.Turn.Activity, []) is { Succeeded: true, Value: string code })
        {
            step.Values["taxCode"] = code;
            return step.GoToAsync("taxAnswered", cancellationToken);
        }

        return step.Waterfall.NextAsync(null, cancellationToken);
    }
}
