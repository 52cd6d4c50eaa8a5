namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>Where the PAKN came from. Wire names are lower case: <c>zalo</c>, <c>counter</c>.</summary>
public enum CaseChannel
{
    Zalo,
    Facebook,
    Webchat,
    Counter,
    Hotline,
    Portal,
}
