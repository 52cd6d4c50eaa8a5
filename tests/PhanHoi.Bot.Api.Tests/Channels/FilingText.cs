using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>The values of the bot's one message on filing (<c>intake.filed</c>) for a stored case.</summary>
public static class FilingText
{
    public static Dictionary<string, string> Of(Case filed) => new()
    {
        ["code"] = filed.Code,
        ["deadline"] = DisplayDates.Of(filed.Deadlines.TriageBy!.Value),
    };
}
