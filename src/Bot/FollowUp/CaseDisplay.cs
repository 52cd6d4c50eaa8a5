using System.Globalization;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.FollowUp;

/// <summary>
/// Case views as the citizen reads them in chat, from the dialogs/ texts (passed per call: the texts are loaded
/// after the actions that use this are built).
/// </summary>
public sealed class CaseDisplay(IDirectoryRepository directory)
{
    private const int ShortContentLength = 60;

    /// <summary>The citizen's own case in full: state, the deadline that runs now, what was asked and answered.</summary>
    public async Task<Activity> CitizenCaseAsync(MessageCatalog texts, CitizenCaseView view, CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            texts.Render("lookup.case", new Dictionary<string, string>
            {
                ["code"] = view.Code,
                ["category"] = await CategoryNameAsync(view.Category, cancellationToken),
                ["submitted"] = DisplayDates.Of(view.SubmittedAt),
                ["content"] = view.Content,
                ["state"] = StateText(texts, view.State),
            }),
        };

        if (CurrentDeadline(view) is { } deadline)
        {
            lines.Add(texts.Render("lookup.line." + deadline.Name, Date(deadline.Date)));
        }

        Add(texts, lines, "infoRequest", view.State == CaseState.AwaitingInfo ? view.InfoRequest : null);
        Add(texts, lines, "delay", view.State == CaseState.InProgress ? view.DelayReason : null);
        Add(texts, lines, "reject", view.State == CaseState.Rejected ? view.RejectReason : null);
        Add(texts, lines, "answer", view.Answer);
        Add(texts, lines, "rebuttal", view.Rebuttal?.Text);
        Add(texts, lines, "rebuttalAnswer", view.Rebuttal?.Answer);
        if (view.Rating is { } rating)
        {
            lines.Add(texts.Render("lookup.line.rating", new Dictionary<string, string> { ["score"] = rating.ToString(CultureInfo.InvariantCulture) }));
        }

        var message = Activity.CreateMessage(string.Join("\n", lines));
        var buttons = CaseButtons.ForAllowed(view.AllowedActions.IsDefault ? [] : view.AllowedActions, view.Code, texts);
        if (buttons.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        return message;
    }

    /// <summary>A published case for anyone: no personal data, content withheld if the sender asked.</summary>
    public async Task<Activity> PublicCaseAsync(MessageCatalog texts, PublicCaseView view, CancellationToken cancellationToken)
    {
        var text = texts.Render("lookup.public", new Dictionary<string, string>
        {
            ["code"] = view.Code,
            ["category"] = await CategoryNameAsync(view.Category, cancellationToken),
            ["published"] = view.PublishedAt is { } at ? DisplayDates.Of(at) : string.Empty,
            ["content"] = view.Content ?? texts.Render("lookup.public.confidential"),
            ["answer"] = view.Answer ?? string.Empty,
        });
        if (view.RebuttalAnswer is { } rebuttalAnswer)
        {
            text += "\n" + texts.Render("lookup.line.rebuttalAnswer", new Dictionary<string, string> { ["text"] = rebuttalAnswer });
        }

        return Activity.CreateMessage(text);
    }

    /// <summary>The citizen's recent cases, one line each, with a button per code to look it up.</summary>
    public Activity List(MessageCatalog texts, IReadOnlyList<CitizenCaseView> views)
    {
        var message = Activity.CreateMessage(texts.Render("mine.list", new Dictionary<string, string> { ["list"] = Lines(texts, views) }));
        message.SuggestedActions = new SuggestedActions
        {
            Actions = [.. views.Select(v => CardAction.PostBack(v.Code, CaseButtons.Payload(CaseButtons.Lookup, v.Code)))],
        };
        return message;
    }

    /// <summary>Numbered lines "1. code – short content – state", so a citizen can pick by number.</summary>
    public static string Lines(MessageCatalog texts, IReadOnlyList<CitizenCaseView> views) =>
        string.Join("\n", views.Select((v, i) => texts.Render("mine.item", new Dictionary<string, string>
        {
            ["index"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["code"] = v.Code,
            ["content"] = Shorten(v.Content),
            ["state"] = StateText(texts, v.State),
        })));

    public static string StateText(MessageCatalog texts, CaseState state) => texts.Render(MessageKeys.State(state));

    private async Task<string> CategoryNameAsync(string code, CancellationToken cancellationToken) =>
        (await directory.FindCategoryAsync(code, cancellationToken))?.Name ?? code;

    private static (string Name, DateOnly Date)? CurrentDeadline(CitizenCaseView view)
    {
        var deadlines = view.Deadlines;
        var (name, date) = view.State switch
        {
            CaseState.Submitted => ("triageBy", deadlines.TriageBy),
            CaseState.InProgress => ("resolveBy", deadlines.ResolveBy),
            CaseState.Resolved => ("publishBy", deadlines.PublishBy),
            CaseState.Published => ("rebuttalBy", deadlines.RebuttalBy),
            CaseState.Rebutted => ("rebuttalReviewBy", deadlines.RebuttalReviewBy),
            _ => (string.Empty, null),
        };
        return date is { } due ? (name, due) : null;
    }

    private static void Add(MessageCatalog texts, List<string> lines, string name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(texts.Render("lookup.line." + name, new Dictionary<string, string> { ["text"] = text }));
        }
    }

    private static Dictionary<string, string> Date(DateOnly date) => new() { ["date"] = DisplayDates.Of(date) };

    private static string Shorten(string content)
    {
        var oneLine = string.Join(' ', content.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ShortContentLength ? oneLine : oneLine[..ShortContentLength].TrimEnd() + "…";
    }
}
