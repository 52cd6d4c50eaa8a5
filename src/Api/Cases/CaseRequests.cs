namespace PhanHoi.Bot.Api.Cases;

public sealed record ProxyRequest(string? Name, string? Address, string? Phone, string? Reason, bool? Consent);

public sealed record CitizenRequest(string? Name, string? Phone, string? TaxCode, ProxyRequest? Proxy);

/// <summary>POST /api/v1/cases/by-phone: the number in the body, so it stays out of URLs and the logs that keep them.</summary>
public sealed record PhoneSearchRequest(string? Phone);

public sealed record AttachmentRequest(string? Url, string? ContentType, string? Name);

/// <summary>POST /api/v1/cases: a PAKN received at the counter, by phone, or forwarded by the national portal.</summary>
public sealed record NewCaseRequest(
    string? Channel,
    string? Category,
    string? Content,
    bool? Confidential,
    CitizenRequest? Citizen,
    IReadOnlyList<AttachmentRequest>? Attachments);

/// <summary>The body of POST /api/v1/cases/{code}/{action}; each action reads the fields CONTRACT.md gives it.</summary>
public sealed record ActionRequest(
    string? AgencyCode,
    string? Note,
    string? Answer,
    string? Message,
    string? Reason,
    string? Kind,
    IReadOnlyList<string>? AgencyCodes,
    string? Request,
    string? Opinion,
    string? Text = null);
