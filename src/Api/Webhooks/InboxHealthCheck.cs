using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Readiness shows <c>Degraded</c> (still HTTP 200: the instance keeps serving) while webhook events are set aside,
/// unanswered, waiting for an operator (README, "Webhook events that cannot be read"). Whether the inbox's store
/// answers at all is the store's and Redis's own checks.
/// </summary>
public sealed class InboxHealthCheck(IInboxStore inbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long setAside;
        try
        {
            setAside = await inbox.CountSetAsideAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The inbox could not be counted.", ex);
        }

        var data = new Dictionary<string, object> { ["setAside"] = setAside };
        return setAside == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"{setAside} webhook event(s) set aside, unanswered: they cannot be decrypted.", data: data);
    }
}
