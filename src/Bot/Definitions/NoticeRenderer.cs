using PhanHoi.Bot.Activities;
using PhanHoi.Bot.FollowUp;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Definitions;

/// <summary>
/// Turns a workflow <see cref="Notice"/> into the message the citizen reads, from its dialogs/ template: dates as
/// dd/MM/yyyy, agencies by name, and buttons where the citizen can act (rate or rebut a published result,
/// supplement a case when asked).
/// </summary>
public sealed class NoticeRenderer(MessageCatalog texts, IDirectoryRepository? directory = null)
{
    private static readonly HashSet<string> AgencyValues = new(["agency", "agencyCode", "handlingAgency"], StringComparer.Ordinal);

    public async Task<Activity> RenderAsync(Notice notice, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in notice.Values)
        {
            values[name] = AgencyValues.Contains(name) && directory is not null
                ? (await directory.FindAgencyAsync(value, cancellationToken))?.Name ?? value
                : DisplayDates.Reformat(value);
        }

        values["code"] = notice.CaseCode;
        var message = Activity.CreateMessage(texts.Render(MessageKeys.Notice(notice.Kind), values));
        var buttons = ButtonsFor(notice.Kind).Select(a => CaseButtons.For(a, notice.CaseCode, texts)).ToList();
        if (notice.Kind == NoticeKind.WindowClosing)
        {
            // one tap answers the platform's window and shows the citizen where their case stands
            buttons.Add(CaseButtons.LookupFor(notice.CaseCode, texts));
        }

        if (buttons.Count > 0)
        {
            message.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        return message;
    }

    /// <summary>What the citizen may do straight from the notice (the workflow still decides when they tap).</summary>
    public static IReadOnlyList<CaseAction> ButtonsFor(NoticeKind kind) => kind switch
    {
        NoticeKind.Published => [CaseAction.Rate, CaseAction.Rebut],
        NoticeKind.InfoRequested => [CaseAction.Supplement],
        NoticeKind.RebuttalAnswered => [CaseAction.Rate],
        _ => [],
    };
}
