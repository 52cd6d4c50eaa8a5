using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Api.Webhooks;
using PhanHoi.Bot.Channels.Inbound;
using PhanHoi.Bot.Workflow.Inbox;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

/// <summary>
/// What a verified webhook's events become: each stored once under the platform's id; a conversation's head, leased
/// to this instance as it is stored, runs here at once without a claim; anything else waits in the store and the
/// worker is woken to claim it.
/// </summary>
public sealed class WebhookIntakeTests : IDisposable
{
    private readonly MemoryInbox inbox = new();
    private readonly InboxSignal signal = new();

    public void Dispose() => signal.Dispose();

    [Fact]
    public async Task A_new_conversations_message_runs_here_at_once_and_a_redelivery_is_only_acknowledged()
    {
        var handled = new TaskCompletionSource<InboxItem>(TaskCreationOptions.RunContinuationsAsynchronously);

        await RunAsync(maxConcurrency: 4, async item =>
        {
            await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            handled.SetResult(item);
        }, async intake =>
        {
            Assert.Equal(1, await intake.AcceptAsync("zalo", Webhook(("m-1", "u1", "Xin chào")), CancellationToken.None));
            var item = await handled.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(("m-1", "zalo:u1"), (item.MessageId, item.ConversationKey));
            Assert.Equal("Xin chào", InboxEnvelope.Deserialize(item.Payload)!.Activity!.Text);
            Assert.Equal(0, await intake.AcceptAsync("zalo", Webhook(("m-1", "u1", "Xin chào")), CancellationToken.None));
        });

        Assert.Empty(inbox.Claims);
        Assert.Equal(0, await inbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_messages_of_one_citizen_in_one_delivery_run_in_order_the_second_claimed_after_the_first()
    {
        var order = new List<string>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await RunAsync(maxConcurrency: 4, async item =>
        {
            lock (order)
            {
                order.Add(item.MessageId);
            }

            if (await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None))
            {
                signal.Notify(); // as InboxProcessor does
            }

            if (order.Count == 2)
            {
                both.SetResult();
            }
        }, async intake =>
        {
            Assert.Equal(2, await intake.AcceptAsync("facebook", Webhook(("m-1", "u2", "Xin chào"), ("m-2", "u2", "Gửi phản ánh")), CancellationToken.None));
            await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
        });

        Assert.Equal(["m-1", "m-2"], order);
        Assert.Equal([2], inbox.Claims.Keys); // the first ran here as stored; the second waited for it, then was claimed
    }

    [Fact]
    public async Task With_no_room_here_the_message_is_stored_for_a_claim_and_still_answered()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await RunAsync(maxConcurrency: 1, async item =>
        {
            if (item.MessageId == "m-1")
            {
                await gate.Task;
            }

            await inbox.CompleteAsync(item.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            if (item.MessageId == "m-2")
            {
                second.SetResult();
            }
        }, async intake =>
        {
            Assert.Equal(1, await intake.AcceptAsync("zalo", Webhook(("m-1", "u3", "Xin chào")), CancellationToken.None));
            Assert.Equal(1, await intake.AcceptAsync("zalo", Webhook(("m-2", "u4", "Xin chào")), CancellationToken.None));
            Assert.Equal(2, await inbox.CountPendingAsync(CancellationToken.None)); // stored before the acknowledgement
            gate.SetResult();
            await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        });

        Assert.Equal([2], inbox.Claims.Keys);
    }

    [Fact]
    public async Task A_message_arriving_while_the_worker_is_stopped_is_left_due_for_the_next_claim()
    {
        var dispatcher = new InboxDispatcher(inbox, signal, TimeProvider.System, Options(4).Value, NullLogger.Instance);
        var intake = new WebhookIntake(inbox, dispatcher, signal, TimeProvider.System, Options(4), NullLogger<WebhookIntake>.Instance);

        Assert.Equal(1, await intake.AcceptAsync("zalo", Webhook(("m-1", "u5", "Xin chào")), CancellationToken.None));

        var claimed = Assert.Single(await inbox.ClaimAsync(10, TimeSpan.FromMinutes(2), DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal("m-1", claimed.MessageId);
    }

    private static ParsedWebhook Webhook(params (string MessageId, string UserId, string Text)[] messages) =>
        new([.. messages.Select(m => new InboundEvent(m.MessageId, m.UserId, new Activity
        {
            Type = ActivityTypes.Message,
            Id = m.MessageId,
            Text = m.Text,
            From = new ChannelAccount { Id = m.UserId },
        }))], 0, []);

    private static IOptions<InboxOptions> Options(int maxConcurrency) => Microsoft.Extensions.Options.Options.Create(new InboxOptions
    {
        MaxConcurrency = maxConcurrency,
        PollInterval = TimeSpan.FromMinutes(1), // only signals and take-overs move anything within a test
    });

    /// <summary>Runs the intake with a running dispatcher over the memory inbox until <paramref name="until"/> completes.</summary>
    private async Task RunAsync(int maxConcurrency, Func<InboxItem, Task> handle, Func<WebhookIntake, Task> until)
    {
        var options = Options(maxConcurrency);
        var dispatcher = new InboxDispatcher(inbox, signal, TimeProvider.System, options.Value, NullLogger.Instance);
        var intake = new WebhookIntake(inbox, dispatcher, signal, TimeProvider.System, options, NullLogger<WebhookIntake>.Instance);
        using var stop = new CancellationTokenSource();
        var running = dispatcher.RunAsync((item, _) => handle(item), stop.Token);
        try
        {
            await until(intake);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
