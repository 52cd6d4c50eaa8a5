using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.Tests.Dialogs;
using PhanHoi.Bot.Tests.State;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Turns.Dedupe;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Turns.RateLimiting;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Tests.Turns;

public sealed class MiddlewareTests(TestRedisFixture redis) : IClassFixture<TestRedisFixture>
{
    [Fact]
    public async Task Two_concurrent_messages_of_one_citizen_are_processed_one_after_the_other()
    {
        var bot = new ProbeBot(TimeSpan.FromMilliseconds(100));
        var pipeline = new PipelineHarness(bot);

        await Task.WhenAll(pipeline.SendAsync(Messages.From("u1", "a")), pipeline.SendAsync(Messages.From("u1", "b")));

        Assert.Equal(2, bot.Turns);
        Assert.Equal(1, bot.MaxConcurrent);
    }

    [Fact]
    public async Task Different_citizens_are_processed_in_parallel()
    {
        var bot = new ProbeBot(TimeSpan.FromMilliseconds(200));
        var pipeline = new PipelineHarness(bot);

        await Task.WhenAll(pipeline.SendAsync(Messages.From("u1", "a")), pipeline.SendAsync(Messages.From("u2", "b")));

        Assert.Equal(2, bot.MaxConcurrent);
    }

    [Fact]
    public async Task A_turn_from_the_durable_inbox_takes_no_conversation_lock_and_one_from_a_request_does()
    {
        var conversationLock = new CountingLock();
        var pipeline = new PipelineHarness(new ProbeBot(TimeSpan.Zero), conversationLock);

        await pipeline.Processor.ProcessAsync(Messages.From("u1", "a"), new DeferredSender(), CancellationToken.None);
        Assert.Equal(0, conversationLock.Acquired);

        await pipeline.SendAsync(Messages.From("u1", "b"));
        Assert.Equal(1, conversationLock.Acquired);
    }

    private sealed class CountingLock : IConversationLock
    {
        private readonly InProcessConversationLock inner = new();

        public int Acquired { get; private set; }

        public ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
        {
            Acquired++;
            return inner.AcquireAsync(key, cancellationToken);
        }
    }

    [Fact]
    public async Task Redis_lock_serialises_one_conversation_across_instances()
    {
        var bot = new ProbeBot(TimeSpan.FromMilliseconds(100));
        var keys = new RedisKeys(redis.Redis.Prefix);
        var options = new ConversationLockOptions { Expiry = TimeSpan.FromSeconds(5), WaitTimeout = TimeSpan.FromSeconds(10) };
        // Two "instances": separate lock objects, one Redis.
        var first = new PipelineHarness(bot, new RedisConversationLock(redis.Redis.Connection, keys, options, TimeProvider.System));
        var second = new PipelineHarness(bot, new RedisConversationLock(redis.Redis.Connection, keys, options, TimeProvider.System));

        await Task.WhenAll(
            first.SendAsync(Messages.From("u1", "a")),
            second.SendAsync(Messages.From("u1", "b")),
            first.SendAsync(Messages.From("u1", "c")));

        Assert.Equal(3, bot.Turns);
        Assert.Equal(1, bot.MaxConcurrent);
    }

    [Fact]
    public async Task Redis_lock_is_released_only_by_its_owner_and_frees_the_key()
    {
        var keys = new RedisKeys(redis.Redis.Prefix);
        var options = new ConversationLockOptions { Expiry = TimeSpan.FromSeconds(5), WaitTimeout = TimeSpan.FromMilliseconds(300) };
        var conversationLock = new RedisConversationLock(redis.Redis.Connection, keys, options, TimeProvider.System);

        var held = await conversationLock.AcquireAsync("zalo:c1", CancellationToken.None);
        await Assert.ThrowsAsync<ConversationLockTimeoutException>(async () => await conversationLock.AcquireAsync("zalo:c1", CancellationToken.None));
        await held.DisposeAsync();
        await using var again = await conversationLock.AcquireAsync("zalo:c1", CancellationToken.None);

        Assert.True(await redis.Redis.Connection.GetDatabase().KeyExistsAsync(keys.For("lock", "zalo:c1")));
    }

    [Fact]
    public async Task Redis_lock_is_renewed_while_held_and_stops_renewing_once_released()
    {
        var keys = new RedisKeys(redis.Redis.Prefix);
        var options = new ConversationLockOptions { Expiry = TimeSpan.FromSeconds(3), WaitTimeout = TimeSpan.FromMilliseconds(100) }; // renewed every second: a busy machine may delay one renewal by a second or more
        var conversationLock = new RedisConversationLock(redis.Redis.Connection, keys, options, TimeProvider.System);
        var db = redis.Redis.Connection.GetDatabase();

        var held = await conversationLock.AcquireAsync("zalo:renewed", CancellationToken.None);
        await Task.Delay(options.Expiry * 2);
        await Assert.ThrowsAsync<ConversationLockTimeoutException>(async () => await conversationLock.AcquireAsync("zalo:renewed", CancellationToken.None));
        await held.DisposeAsync();
        await held.DisposeAsync(); // a second release is harmless

        Assert.False(await db.KeyExistsAsync(keys.For("lock", "zalo:renewed")));
    }

    [Fact]
    public async Task In_process_lock_forgets_conversations_nobody_holds()
    {
        var conversationLock = new InProcessConversationLock();
        await using (await conversationLock.AcquireAsync("a", CancellationToken.None))
        {
            Assert.Equal(1, conversationLock.ActiveKeys);
        }

        Assert.Equal(0, conversationLock.ActiveKeys);
    }

    [Fact]
    public async Task A_redelivered_activity_is_processed_once()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var pipeline = new PipelineHarness(bot);
        var message = Messages.From("u1", "a");

        await pipeline.SendAsync(message);
        await pipeline.SendAsync(message);

        Assert.Equal(1, bot.Turns);
        Assert.Single(pipeline.Sender.Sent);
    }

    [Fact]
    public async Task Redis_duplicate_guard_drops_the_second_delivery_on_another_instance()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var keys = new RedisKeys(redis.Redis.Prefix);
        var first = new PipelineHarness(bot, guard: new RedisDuplicateGuard(redis.Redis.Connection, keys, new DuplicateGuardOptions()));
        var second = new PipelineHarness(bot, guard: new RedisDuplicateGuard(redis.Redis.Connection, keys, new DuplicateGuardOptions()));
        var message = Messages.From("u1", "a");

        await Task.WhenAll(first.SendAsync(message), second.SendAsync(message));

        Assert.Equal(1, bot.Turns);
    }

    [Fact]
    public async Task Failed_processing_lets_a_redelivery_try_again()
    {
        var pipeline = new PipelineHarness(new ProbeBot(TimeSpan.Zero, fail: true));
        var message = Messages.From("u1", "a");

        await pipeline.SendAsync(message);
        await pipeline.SendAsync(message);

        Assert.Equal(2, pipeline.Sender.Texts.Count(t => t == pipeline.Texts.Render(MessageKeys.ErrorApology)));
    }

    [Fact]
    public async Task Flooding_citizen_is_told_once_and_the_rest_is_dropped()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var pipeline = new PipelineHarness(bot);

        for (var i = 0; i < 6; i++)
        {
            await pipeline.SendAsync(Messages.From("u1", "m" + i));
        }

        await pipeline.SendAsync(Messages.From("u2", "other citizen"));

        Assert.Equal(4, bot.Turns);
        Assert.Single(pipeline.Sender.Texts, t => t == pipeline.Texts.Render(MessageKeys.RateLimited));
    }

    [Fact]
    public async Task Redis_rate_limit_is_shared_and_notifies_once()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var limiter = new RedisRateLimiter(redis.Redis.Connection, new RedisKeys(redis.Redis.Prefix), new RateLimitOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) });
        var pipeline = new PipelineHarness(bot, limiter: limiter);

        for (var i = 0; i < 5; i++)
        {
            await pipeline.SendAsync(Messages.From("flood", "m" + i));
        }

        Assert.Equal(2, bot.Turns);
        Assert.Single(pipeline.Sender.Texts, t => t == pipeline.Texts.Render(MessageKeys.RateLimited));
    }

    [Fact]
    public async Task An_exception_becomes_an_apology_not_silence()
    {
        var pipeline = new PipelineHarness(new ProbeBot(TimeSpan.Zero, fail: true));

        var turn = await pipeline.SendAsync(Messages.From("u1", "a"));

        Assert.True(turn.Responded);
        Assert.Equal(pipeline.Texts.Render(MessageKeys.ErrorApology), pipeline.Sender.Texts.Single());
    }

    [Fact]
    public async Task A_database_restart_before_any_reply_is_left_for_redelivery_not_apologised_for()
    {
        var bot = new ProbeBot(TimeSpan.Zero, failure: () => new TransientDbException());
        var pipeline = new PipelineHarness(bot);
        var message = Messages.From("u1", "a");

        await Assert.ThrowsAsync<TransientDbException>(() => pipeline.SendAsync(message));
        Assert.Empty(pipeline.Sender.Texts);

        bot.Recover();
        await pipeline.SendAsync(message); // the redelivery is not taken for a duplicate

        Assert.Equal("echo: a", pipeline.Sender.Texts.Single());
    }

    [Fact]
    public async Task A_transient_failure_after_a_reply_went_out_is_apologised_for_not_repeated()
    {
        var pipeline = new PipelineHarness(new ProbeBot(TimeSpan.Zero, failure: () => new TransientDbException(), failAfterReply: true));

        await pipeline.SendAsync(Messages.From("u1", "a"));

        Assert.Equal(["echo: a", pipeline.Texts.Render(MessageKeys.ErrorApology)], pipeline.Sender.Texts);
    }

    [Fact]
    public async Task A_transient_failure_after_replies_were_only_collected_leaves_the_whole_turn_for_another_attempt()
    {
        var bot = new ProbeBot(TimeSpan.Zero, failure: () => new TransientDbException(), failAfterReply: true);
        var pipeline = new PipelineHarness(bot);
        var message = Messages.From("u1", "a");

        var collected = new DeferredSender();
        await Assert.ThrowsAsync<TransientDbException>(() => pipeline.Processor.ProcessAsync(message, collected, CancellationToken.None));
        Assert.Equal(["echo: a"], collected.Texts); // discarded by the caller: nothing reached the citizen, no apology

        bot.Recover();
        var retry = new DeferredSender();
        await pipeline.Processor.ProcessAsync(message, retry, CancellationToken.None);
        Assert.Equal(["echo: a"], retry.Texts);
    }

    private sealed class TransientDbException() : System.Data.Common.DbException("connection lost")
    {
        public override bool IsTransient => true;
    }

    [Fact]
    public async Task Error_log_carries_no_exception_message_or_text()
    {
        var logger = new CapturingLogger<PhanHoi.Bot.Turns.Errors.TurnErrorMiddleware>();
        var set = new MiddlewareSet([new PhanHoi.Bot.Turns.Errors.TurnErrorMiddleware(TestTexts.Create(), logger)]);
        var processor = new ActivityProcessor(set, new ProbeBot(TimeSpan.Zero, fail: true));

        await processor.ProcessAsync(Messages.From("u1", "Tôi tên Nguyễn Văn An"), new RecordingSender(), CancellationToken.None);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("InvalidOperationException", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", line, StringComparison.Ordinal);
        Assert.DoesNotContain("u1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locked_citizen_is_told_until_when_and_nothing_is_processed()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var pipeline = new PipelineHarness(bot);
        await pipeline.Accounts.SaveAsync(
            new CitizenAccount(new CitizenAddress("webchat", "u1"), CitizenStatus.Locked, new DateTimeOffset(2025, 3, 10, 3, 0, 0, TimeSpan.Zero), "spam"),
            CancellationToken.None);

        await pipeline.SendAsync(Messages.From("u1", "a"));

        Assert.Equal(0, bot.Turns);
        Assert.Contains("10:00 ngày 10/03/2025", pipeline.Sender.Texts.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocked_citizen_is_refused_and_a_lock_that_ended_no_longer_applies()
    {
        var bot = new ProbeBot(TimeSpan.Zero);
        var pipeline = new PipelineHarness(bot);
        await pipeline.Accounts.SaveAsync(new CitizenAccount(new CitizenAddress("webchat", "u1"), CitizenStatus.Blocked, null, "abuse"), CancellationToken.None);
        await pipeline.Accounts.SaveAsync(
            new CitizenAccount(new CitizenAddress("webchat", "u2"), CitizenStatus.Locked, pipeline.Time.GetUtcNow().AddHours(-1), "spam"),
            CancellationToken.None);

        await pipeline.SendAsync(Messages.From("u1", "a"));
        await pipeline.SendAsync(Messages.From("u2", "b"));

        Assert.Equal(1, bot.Turns);
        Assert.Equal([pipeline.Texts.Render(MessageKeys.AccountBlocked), "echo: b"], pipeline.Sender.Texts);
    }

    [Fact]
    public async Task Replies_are_addressed_back_to_the_sender()
    {
        var pipeline = new PipelineHarness(new ProbeBot(TimeSpan.Zero));
        var message = Messages.From("u1", "a");

        await pipeline.SendAsync(message);

        var reply = pipeline.Sender.Sent.Single();
        Assert.Equal("u1", reply.Recipient!.Id);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
        Assert.Equal("conv-u1", reply.Conversation!.Id);
    }

    [Fact]
    public async Task Middleware_runs_outermost_first_and_can_stop_the_turn()
    {
        var order = new List<string>();
        var set = new MiddlewareSet([new Recording("a", order, stop: false), new Recording("b", order, stop: true), new Recording("c", order, stop: false)]);
        var processor = new ActivityProcessor(set, new ProbeBot(TimeSpan.Zero));

        await processor.ProcessAsync(Messages.From("u1", "x"), new RecordingSender(), CancellationToken.None);

        Assert.Equal(["a>", "b>", "<a"], order);
    }

    private sealed class Recording(string name, List<string> order, bool stop) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
        {
            order.Add(name + ">");
            if (stop)
            {
                return;
            }

            await next(cancellationToken);
            order.Add("<" + name);
        }
    }
}
