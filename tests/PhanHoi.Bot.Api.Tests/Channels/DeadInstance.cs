using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Channels.Delivery;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Channels;

/// <summary>
/// The instance a restart test kills, acting on the running host's stores: it takes a citizen's message from the inbox
/// (its lease still runs), runs and saves the turn without marking the message done, and may get some of the turn's
/// replies to the platform before it dies. Its lease then ends and the live instance is woken.
/// </summary>
internal sealed class DeadInstance(ChannelHost channel, string platformChannel)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IServiceProvider Services => channel.Host.Services;

    public IInboxStore Inbox => Services.GetRequiredService<IInboxStore>();

    public IChatPlatform Platform => Services.GetServices<IChatPlatform>().Single(p => p.Channel == platformChannel);

    private TimeSpan Lease => Services.GetRequiredService<IOptions<InboxOptions>>().Value.Lease;

    /// <summary>The citizen's message (as the platform's webhook parser made it) taken and its turn run; returns what it holds.</summary>
    public async Task<(InboxItem Held, TurnReplies Turn)> HandleAsync(InboundEvent inbound)
    {
        Assert.True(await Inbox.AppendAsync(
            platformChannel, inbound.MessageId, inbound.ConversationKey(platformChannel),
            InboxEnvelope.ForActivity(inbound.Activity).Serialize(), channel.Host.Clock.GetUtcNow(), None));
        var held = Assert.Single(await Inbox.ClaimAsync(10, Lease, channel.Host.Clock.GetUtcNow(), None));
        Assert.Equal(inbound.MessageId, held.MessageId);
        var turn = new TurnReplies();
        await Services.GetRequiredService<ActivityProcessor>().ProcessAsync(inbound.Activity, turn, None);
        return (held, turn);
    }

    /// <summary>The platform takes the first <paramref name="count"/> of the turn's two replies (the test reads them off).</summary>
    public async Task DeliverAsync(string user, TurnReplies turn, int count)
    {
        var bodies = Platform.Render(user, turn.Activities, isReply: true);
        Assert.Equal(2, bodies.Count);
        Assert.True((await Platform.DeliverAsync([.. bodies.Take(count)], None)).Completed);
        Assert.Equal(count, channel.Platforms.Drain(user).Count);
    }

    /// <summary>
    /// What the inbox worker does when the platform fails on the turn's second reply: the rest becomes a follow-up item
    /// behind the citizen's message, which is then done. The dead instance then takes the follow-up itself.
    /// </summary>
    public async Task<InboxItem> FollowUpAsync(InboxItem held, string user, string restBody)
    {
        var now = channel.Host.Clock.GetUtcNow();
        Assert.True(await Inbox.AppendAsync(
            platformChannel, held.MessageId + "#replies", held.ConversationKey,
            InboxEnvelope.ForOutgoing([restBody], user, held.MessageId).Serialize(), now, None));
        await Inbox.CompleteAsync(held.Id, now, None);
        var followUp = Assert.Single(await Inbox.ClaimAsync(10, Lease, now, None));
        Assert.Equal(held.MessageId + "#replies", followUp.MessageId);
        return followUp;
    }

    /// <summary>The lease ends and the worker is woken: the held message is handed out again.</summary>
    public void LeaseEnds()
    {
        channel.Host.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Services.GetRequiredService<InboxSignal>().Notify();
    }
}
