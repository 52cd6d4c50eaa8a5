using System.Security.Claims;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;

namespace PhanHoi.Bot.Api.Cases;

/// <summary>POST /api/v1/cases: reception types in a PAKN received outside chat; same validation as the bot.</summary>
public static class CaseIntakeEndpoint
{
    private static readonly Dictionary<string, CaseChannel> OfflineChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["counter"] = CaseChannel.Counter,
        ["hotline"] = CaseChannel.Hotline,
        ["portal"] = CaseChannel.Portal,
    };

    public static async Task<IResult> Create(NewCaseRequest request, ClaimsPrincipal user, CaseDesk desk, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Channel is null || !OfflineChannels.TryGetValue(request.Channel, out var channel))
        {
            errors["channel"] = ["channel must be counter, hotline or portal."];
            channel = default;
        }

        if (request.Citizen is null)
        {
            errors["citizen"] = ["citizen {name, phone} is required."];
        }

        var attachments = request.Attachments ?? [];
        if (attachments.Any(a => a is null || !StaffIntakeChecks.IsWebLink(a.Url)))
        {
            errors["attachments"] = ["Every attachment needs an absolute http or https url."];
        }

        var content = (request.Content ?? string.Empty).Trim(); // NFC already (CleanStringConverter)
        StaffIntakeChecks.Content(errors, content);
        StaffIntakeChecks.Name(errors, "citizen.name", request.Citizen?.Name);
        StaffIntakeChecks.Name(errors, "citizen.proxy.name", request.Citizen?.Proxy?.Name);

        if (errors.Count > 0)
        {
            return Problems.Problems.Invalid(errors);
        }

        var citizen = request.Citizen!;
        var proxy = citizen.Proxy is { } p
            ? new ProxyDetails(p.Name?.Trim() ?? string.Empty, p.Address?.Trim() ?? string.Empty, p.Phone?.Trim() ?? string.Empty, p.Reason?.Trim() ?? string.Empty, p.Consent ?? false)
            : null;
        var input = new NewCase(
            channel,
            Directory.ReferenceCodes.CategoryOrNull(request.Category) ?? string.Empty,
            content,
            request.Confidential ?? false,
            new CitizenDetails(citizen.Name?.Trim() ?? string.Empty, citizen.Phone?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(citizen.TaxCode) ? null : citizen.TaxCode.Trim(), proxy),
            null,
            [.. attachments.Select(a => new Attachment(a.Url!, string.IsNullOrWhiteSpace(a.ContentType) ? "application/octet-stream" : a.ContentType, a.Name))]);

        var actor = user.ToActor();
        return await desk.SubmitAsync(input, actor, ct) switch
        {
            DeskOutcome.Done done => await CreatedAsync(http, done.Case, desk, actor, ct),
            DeskOutcome.Refused refused => Problems.Problems.From(refused.Refusal),
            _ => Problems.Problems.Conflict("The case could not be recorded."),
        };
    }

    private static async Task<IResult> CreatedAsync(HttpContext http, Case c, CaseDesk desk, Actor actor, CancellationToken ct)
    {
        var response = await CaseEndpoints.ResponseForAsync(c, desk, actor, ct);
        http.Response.Headers.ETag = CaseEndpoints.ETagOf(c);
        return TypedResults.Created($"/api/v1/cases/{c.Code}", response);
    }
}
