using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// A PAKN as submitted, by the bot or by reception (POST /api/v1/cases), before it becomes a case.
/// <see cref="SubmissionKey"/> names what submitted it (the bot: the channel's id of the citizen's "send" message) and
/// is stored with the case in the same transaction; a second case under the same key is refused, and the bot looks
/// the key up before filing (<see cref="ICaseRepository.FindCodeBySubmissionAsync"/>).
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
