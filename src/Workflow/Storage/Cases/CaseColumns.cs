using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>The searchable projection of a case, as Dapper parameters of the <c>cases</c> row.</summary>
internal sealed record CaseColumns(
    Guid Id,
    string Code,
    string State,
    string Channel,
    string Category,
    string ReceivingAgency,
    string? HandlingAgency,
    string ReportAgency,
    string? CitizenChannel,
    string? CitizenUserId,
    bool Confidential,
    string Content,
    string SearchText,
    DateTimeOffset SubmittedAt,
    DateOnly SubmittedOn,
    DateTimeOffset? AcceptedAt,
    DateOnly? StartedOn,
    DateTimeOffset? ResolvedAt,
    DateOnly? ResolvedOn,
    DateTimeOffset? PublishedAt,
    DateOnly? AnswerDueBy,
    DateOnly? StaffDueBy,
    DateOnly? RebuttalBy,
    DateTimeOffset? RebuttedAt,
    int? Rating,
    DateOnly? RemindedOn,
    string PersonalData,
    string Document,
    int Version,
    int ExpectedVersion)
{
    /// <summary>
    /// The phone lookup keys (<see cref="CaseDocument.PhoneKey"/>; '' for a sender without a valid number). Written with
    /// the row only: who sent a case never changes after it is filed.
    /// </summary>
    public string? CitizenPhoneKey { get; init; }

    public string? ProxyPhoneKey { get; init; }

    public const string InsertColumns =
        "id, code, state, channel, category, receiving_agency, handling_agency, report_agency, citizen_channel, citizen_user_id, " +
        "confidential, content, search_text, submitted_at, submitted_on, accepted_at, started_on, resolved_at, resolved_on, " +
        "published_at, answer_due_by, staff_due_by, rebuttal_by, rebutted_at, rating, last_reminded_on, personal_data, citizen_phone_key, proxy_phone_key, document, version";

    public static string InsertValues(SqlDialect dialect) =>
        "@Id, @Code, @State, @Channel, @Category, @ReceivingAgency, @HandlingAgency, @ReportAgency, @CitizenChannel, @CitizenUserId, " +
        "@Confidential, @Content, @SearchText, @SubmittedAt, @SubmittedOn, @AcceptedAt, @StartedOn, @ResolvedAt, @ResolvedOn, " +
        $"@PublishedAt, @AnswerDueBy, @StaffDueBy, @RebuttalBy, @RebuttedAt, @Rating, @RemindedOn, @PersonalData, @CitizenPhoneKey, @ProxyPhoneKey, {dialect.Json("@Document")}, @Version";

    public static string UpdateAssignments(SqlDialect dialect) =>
        "state = @State, category = @Category, handling_agency = @HandlingAgency, report_agency = @ReportAgency, " +
        "confidential = @Confidential, content = @Content, search_text = @SearchText, accepted_at = @AcceptedAt, " +
        "started_on = @StartedOn, resolved_at = @ResolvedAt, resolved_on = @ResolvedOn, published_at = @PublishedAt, " +
        "answer_due_by = @AnswerDueBy, staff_due_by = @StaffDueBy, rebuttal_by = @RebuttalBy, rebutted_at = @RebuttedAt, " +
        "rating = @Rating, last_reminded_on = COALESCE(@RemindedOn, last_reminded_on), personal_data = @PersonalData, " +
        $"document = {dialect.Json("@Document")}, version = @Version";

    /// <summary>What <c>q</c> matches: the content the public may read (<see cref="PublishedContent"/>), folded.</summary>
    public static string SearchTextOf(string content) => AccentFolding.Fold(PublishedContent.Of(content));

    public static CaseColumns Of(Case stored, CaseDocument document, HistoryEntry history, int expectedVersion)
    {
        var started = stored.AssignedAt ?? stored.AcceptedAt;
        return new CaseColumns(
            stored.Id,
            stored.Code,
            StorageNames.Of(stored.State),
            StorageNames.Of(stored.Channel),
            stored.Category,
            stored.ReceivingAgency,
            stored.HandlingAgency,
            stored.HandlingAgency ?? stored.ReceivingAgency,
            stored.CitizenAddress?.Channel,
            stored.CitizenAddress?.UserId,
            stored.Confidential,
            stored.Content,
            SearchTextOf(stored.Content),
            stored.SubmittedAt,
            LocalClock.LocalDate(stored.SubmittedAt),
            stored.AcceptedAt,
            started is { } s ? LocalClock.LocalDate(s) : null,
            stored.ResolvedAt,
            stored.ResolvedAt is { } r ? LocalClock.LocalDate(r) : null,
            stored.PublishedAt,
            stored.Deadlines.ResolveBy ?? stored.Deadlines.TriageBy,
            stored.StaffDueBy,
            stored.Deadlines.RebuttalBy,
            stored.Rebuttal?.At,
            stored.Rating,
            history.Action == CaseAction.RemindOverdue ? LocalClock.LocalDate(history.At) : null,
            document.PersonalData(stored),
            document.Body(stored),
            stored.Version,
            expectedVersion);
    }

    /// <summary>Columns of a <c>case_agencies</c> row: the scope, and what the staff list filters and orders it by.</summary>
    public const string ScopeColumns = "agency_code, case_id, submitted_at, state, category, staff_due_by";

    /// <summary>
    /// The agencies that may see the case (receiving, handling, asked to coordinate): one <c>case_agencies</c> row each,
    /// carrying the case's state, category, staff deadline and submission time (<see cref="CaseWriteCommand.Scope"/>).
    /// </summary>
    public static IReadOnlyList<string> Agencies(Case stored) =>
        [.. new[] { stored.ReceivingAgency, stored.HandlingAgency }
            .Concat(stored.Coordination.IsDefault ? [] : stored.Coordination.Select(c => c.AgencyCode))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
}
