using PhanHoi.Bot.Channels.DirectLine;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Outbox;

namespace PhanHoi.Bot.Api.DirectLine;

/// <summary>
/// A citizen opened the web chat or wrote in it: notices held while no page was open go out again, in order
/// (SPEC §4: kept and delivered at the next chance).
/// </summary>
public sealed class CitizenReturns(IOutboxStore outbox, OutboxSignal signal, TimeProvider clock)
{
    public async Task ReleaseHeldNoticesAsync(string userId, CancellationToken cancellationToken)
    {
        if (await outbox.ReleaseHeldAsync([new CitizenAddress(DirectLineChannel.ChannelId, userId)], clock.GetUtcNow(), cancellationToken) > 0)
        {
            signal.Notify();
        }
    }
}
