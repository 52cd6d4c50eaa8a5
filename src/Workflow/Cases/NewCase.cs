using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>
/// A PAKN as submitted, by the bot or by reception (POST /api/v1/cases), before it becomes a case.
/// <see cref="SubmissionKey"/> names what submitted it (the bot: the channel's id of the citizen's "send" message) and
/// is stored with the case in the same transaction; a second case under the same key is refused, and the bot looks
/// the key up before filing (<see cref="ICaseRepository.FindCodeBySubmissionAsync"/>). <see cref="ToldInReply"/>: the
/// citizen learns of the filing (code and triage deadline) in the bot's reply to the message that sent it, so no
/// separate <see cref="NoticeKind.Filed"/> notice is queued for the same chat.
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
    string? SubmissionKey = null,
    bool ToldInReply = false);
