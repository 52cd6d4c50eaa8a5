using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhanHoi.Bot.Api.Auth;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.Cases;

public static class CaseNoticesEndpoint
{
    /// <summary>
    /// GET /api/v1/cases/{code}/notices: what the citizen's chat was (or will be) told about the case, oldest first, as
    /// they read it, and what became of each message: a notice the platform's window refused is <c>held</c> until the
    /// citizen writes again (SPEC §4), with the platform's reason in <c>lastError</c>. Staff in scope, like the history.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<NoticeResponse>>, ProblemHttpResult>> List(
        string code, ClaimsPrincipal user, CaseDesk desk, IOutboxStore outbox, NoticeRenderer renderer, CancellationToken ct)
    {
        var found = await desk.FindAsync(code, user.ToActor(), ct);
        if (found is null)
        {
            return Problems.Problems.NotFound($"No case '{code}' that you may see.");
        }

        var notices = new List<NoticeResponse>();
        foreach (var message in await outbox.ListForCaseAsync(found.Id, ct))
        {
            var shown = await renderer.RenderAsync(message.Notice, ct);
            notices.Add(new NoticeResponse(
                message.Id,
                message.Notice.Kind,
                shown.Text ?? string.Empty,
                message.Recipient.Channel,
                message.Status,
                LocalClock.ToLocal(message.CreatedAt),
                message.Attempts,
                message.Status == OutboxStatus.Pending ? LocalClock.ToLocal(message.NextAttemptAt) : null,
                message.LastError));
        }

        return TypedResults.Ok<IReadOnlyList<NoticeResponse>>(notices);
    }
}
