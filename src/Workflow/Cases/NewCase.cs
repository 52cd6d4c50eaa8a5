using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>A PAKN as submitted, by the bot or by reception (POST /api/v1/cases), before it becomes a case.</summary>
public sealed record NewCase(
    CaseChannel Channel,
    string Category,
    string Content,
    bool Confidential,
    CitizenDetails Citizen,
    CitizenAddress? CitizenAddress,
    ImmutableArray<Attachment> Attachments,
    GeoLocation? Location = null);
