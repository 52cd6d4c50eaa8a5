using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Tests.Dialogs;
using PhanHoi.Bot.Tests.Support;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Turns.Abuse;
using PhanHoi.Bot.Turns.Dedupe;
using PhanHoi.Bot.Turns.Errors;
using PhanHoi.Bot.Turns.Logging;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Turns.RateLimiting;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Tests.Turns;

/// <summary>The production middleware order around a test bot.</summary>
public sealed class PipelineHarness
{
    public PipelineHarness(IBot bot, IConversationLock? conversationLock = null, IDuplicateGuard? guard = null, IRateLimiter? limiter = null)
    {
        Accounts = new BarredCitizensCache(new InMemoryAccounts(), Time);
        var options = new BotOptions { RateLimit = { PermitLimit = 3, Window = TimeSpan.FromMinutes(1) } };
        Middleware = new MiddlewareSet(
        [
            new TurnErrorMiddleware(Texts, NullLogger<TurnErrorMiddleware>.Instance),
            new TurnLoggingMiddleware(NullLogger<TurnLoggingMiddleware>.Instance),
            new DuplicateActivityMiddleware(guard ?? new InProcessDuplicateGuard(options.Dedupe, Time), NullLogger<DuplicateActivityMiddleware>.Instance),
            new ConversationLockMiddleware(conversationLock ?? new InProcessConversationLock()),
            new CitizenBarMiddleware(Accounts, Texts),
            new RateLimitMiddleware(limiter ?? new InProcessRateLimiter(options.RateLimit, Time), Texts, NullLogger<RateLimitMiddleware>.Instance),
        ]);
        Processor = new ActivityProcessor(Middleware, bot);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));

    public MessageCatalog Texts { get; } = TestTexts.Create();

    public RecordingSender Sender { get; } = new();

    public BarredCitizensCache Accounts { get; }

    public MiddlewareSet Middleware { get; }

    public ActivityProcessor Processor { get; }

    public Task<ITurnContext> SendAsync(Activity activity) => Processor.ProcessAsync(activity, Sender, CancellationToken.None);

    public sealed class InMemoryAccounts : ICitizenAccountRepository
    {
        private readonly Dictionary<CitizenAddress, CitizenAccount> _accounts = [];

        public Task<CitizenAccount?> FindAsync(CitizenAddress address, CancellationToken cancellationToken) =>
            Task.FromResult(_accounts.GetValueOrDefault(address));

        public Task<IReadOnlyList<CitizenAccount>> ListBarredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CitizenAccount>>([.. _accounts.Values.Where(a => a.IsBarred(now))]);

        public Task SaveAsync(CitizenAccount account, CancellationToken cancellationToken)
        {
            _accounts[account.Address] = account;
            return Task.CompletedTask;
        }
    }
}

/// <summary>A bot that echoes, optionally slowly, and records how many turns overlapped.</summary>
public sealed class ProbeBot(TimeSpan delay, bool fail = false, Func<Exception>? failure = null, bool failAfterReply = false) : IBot
{
    private int _running;
    private bool _recovered;

    /// <summary>From now on the turns succeed (the infrastructure is back).</summary>
    public void Recover() => _recovered = true;

    public int MaxConcurrent { get; private set; }

    public int Turns { get; private set; }

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        lock (this)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
            Turns++;
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            if (fail)
            {
                throw new InvalidOperationException("boom for 0912345678"); // personal data must not reach the log
            }

            if (failure is not null && !_recovered && !failAfterReply)
            {
                throw failure();
            }

            await turn.SendTextAsync("echo: " + turn.Activity.Text, cancellationToken);
            if (failure is not null && !_recovered && failAfterReply)
            {
                throw failure();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
