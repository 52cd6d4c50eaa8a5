using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// A PAKN as submitted, by the bot or by reception (POST /api/v1/cases), before it becomes a case.
/// <see cref="SubmissionKey"/> names what submitted it (the bot: the channel's id of the citizen's "send" message):
/// submitting again under the same key files nothing and answers with the case filed the first time.
/// </summary>
public sealed record NewCase(
    CaseChannel Channel,
    string Category,
    string Content,
    bool Confidential,
    CitizenDetails Citizen,
    CitizenAddress? CitizenAddress,
    ImmutableArray<Attachment> Attachments,
    GeoLocation? Location = null,
    string? SubmissionKey = null);
