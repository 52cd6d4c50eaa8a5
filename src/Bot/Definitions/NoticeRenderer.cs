using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Definitions;

/// <summary>Turns a workflow <see cref="Notice"/> into the message the citizen reads, from its dialogs/ template.</summary>
public sealed class NoticeRenderer(MessageCatalog texts)
{
    public Activity Render(Notice notice)
    {
        var values = new Dictionary<string, string>(notice.Values, StringComparer.Ordinal) { ["code"] = notice.CaseCode };
        return Activity.CreateMessage(texts.Render(MessageKeys.Notice(notice.Kind), values));
    }
}
