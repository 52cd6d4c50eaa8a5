using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Definitions;
using PhanHoi.Bot.Dialogs;
using PhanHoi.Bot.Dialogs.Prompts;
using PhanHoi.Bot.Dialogs.Scripted;
using PhanHoi.Bot.Dialogs.Validators;
using PhanHoi.Bot.Notices;
using PhanHoi.Bot.Redis;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Turns;
using PhanHoi.Bot.Turns.Abuse;
using PhanHoi.Bot.Turns.Dedupe;
using PhanHoi.Bot.Turns.Errors;
using PhanHoi.Bot.Turns.Logging;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Turns.RateLimiting;
using PhanHoi.Bot.Workflow.Outbox;
using StackExchange.Redis;

namespace PhanHoi.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// State store, conversation locks, duplicate guard, rate limiter (Redis when <c>ConnectionStrings:Redis</c>
    /// is set, in-process otherwise), dialog definitions from <c>Bot:DialogsPath</c>, the dialog engine and the
    /// turn pipeline. The host must register <c>ICitizenBarList</c>, <c>IDirectoryRepository</c> and
    /// <c>IPersonalDataProtector</c> (workflow) and <see cref="Intake.ICitizenCaseDesk"/>, and may replace
    /// <see cref="IBot"/> or <see cref="ITaxCodeValidator"/>.
    /// </summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value);
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<BotOptions>().RedisKeyPrefix));

        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            AddInProcessStores(services);
        }
        else
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(redis));
            AddRedisStores(services);
        }

        AddDialogs(services);
        AddPipeline(services);
        return services;
    }

    private static void AddInProcessStores(IServiceCollection services)
    {
        services.AddSingleton<IBotStateStore>(sp => new InProcessBotStateStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConversationLock>(sp => new InProcessConversationLock(sp.GetRequiredService<BotOptions>().Lock.WaitTimeout));
        services.AddSingleton<IDuplicateGuard>(sp => new InProcessDuplicateGuard(sp.GetRequiredService<BotOptions>().Dedupe, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRateLimiter>(sp => new InProcessRateLimiter(sp.GetRequiredService<BotOptions>().RateLimit, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Starts even while Redis is down (readiness reports it) and reconnects by itself when it returns. Replies are
    /// read on the .NET thread pool rather than the client's own ten threads: every call here is asynchronous, and the
    /// hop to a dedicated thread and back cost the webhook ack ~1 ms at p50 and ~2 ms at p99 under load (bench/README).
    /// </summary>
    private static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.SocketManager = SocketManager.ThreadPool;
        return ConnectionMultiplexer.Connect(options);
    }

    private static void AddRedisStores(IServiceCollection services)
    {
        services.AddSingleton<IBotStateStore>(sp => new RedisBotStateStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        services.AddSingleton<IConversationLock>(sp => new RedisConversationLock(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), sp.GetRequiredService<BotOptions>().Lock, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDuplicateGuard>(sp => new RedisDuplicateGuard(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), sp.GetRequiredService<BotOptions>().Dedupe));
        services.AddSingleton<IRateLimiter>(sp => new RedisRateLimiter(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), sp.GetRequiredService<BotOptions>().RateLimit));
    }

    private static void AddDialogs(IServiceCollection services)
    {
        services.TryAddSingleton<ITaxCodeValidator, TaxCodeFormatValidator>();
        services.AddSingleton<IPromptValidator, FullNameValidator>();
        services.AddSingleton<IPromptValidator, DetailValidator>();
        services.AddSingleton<IPromptValidator, ContentLengthValidator>();
        services.AddSingleton<IPromptValidator, OutOfScopeValidator>();
        services.AddSingleton<IPromptValidator, AcceptableTextValidator>();
        services.AddSingleton<IChoiceSource, Intake.CategoryChoiceSource>();
        services.AddSingleton<IDialogAction, Intake.RequireConsentAction>();
        services.AddSingleton<IDialogAction, Intake.IntakeSummaryAction>();
        services.AddSingleton<IDialogAction, Intake.IntakeEditAction>();
        services.AddSingleton<IDialogAction, Intake.TaxEditedAction>();
        services.AddSingleton<IDialogAction, Intake.TaxCodeInAnswerAction>();
        services.AddSingleton<IDialogAction, Intake.SortEvidenceAction>();
        services.AddSingleton<IDialogAction, Intake.NamedEditAction>();
        services.AddSingleton<IDialogAction, Intake.IntakeSubmitAction>();
        services.AddSingleton<Screening.DuplicateContent>();
        services.AddSingleton<Intake.DuplicateCheckAction>();
        services.AddSingleton<IDialogAction>(sp => sp.GetRequiredService<Intake.DuplicateCheckAction>());
        AddFollowUp(services);
        services.AddSingleton<DialogSetFactory>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<BotOptions>();
            var folder = Path.IsPathRooted(options.DialogsPath) ? options.DialogsPath : Path.Combine(AppContext.BaseDirectory, options.DialogsPath);
            return DialogDefinitionLoader.Load(folder, sp.GetRequiredService<DialogSetFactory>().Requirements);
        });
        services.AddSingleton(sp => sp.GetRequiredService<DialogDefinitions>().Messages);
        services.AddSingleton<NoticeRenderer>();
        services.Replace(ServiceDescriptor.Singleton<INoticeSender, ChannelNoticeSender>());
        services.AddSingleton(sp => sp.GetRequiredService<DialogSetFactory>().Create(sp.GetRequiredService<DialogDefinitions>()));
        services.AddSingleton(sp => new BotState<ConversationData>(
            sp.GetRequiredService<IBotStateStore>(),
            StateKeys.Conversation,
            StateJsonContext.Default.ConversationData,
            sp.GetRequiredService<BotOptions>().StateTtl,
            new ConversationDataProtection(
                sp.GetRequiredService<Workflow.Privacy.IPersonalDataProtector>(),
                sp.GetRequiredService<DialogDefinitions>().PersonalValueNames)));
        services.AddSingleton(sp => new BotState<UserData>(
            sp.GetRequiredService<IBotStateStore>(), StateKeys.User, StateJsonContext.Default.UserData, sp.GetRequiredService<BotOptions>().StateTtl));
        services.AddSingleton<DialogRunner>();
        services.TryAddSingleton<IBot, DialogBot>();
        services.AddHostedService<DialogDefinitionsCheck>();
    }

    /// <summary>Following a filed case: lookup, my cases, supplement, rebut, rate, withdraw, and the buttons that start them.</summary>
    private static void AddFollowUp(IServiceCollection services)
    {
        services.AddSingleton<FollowUp.CaseDisplay>();
        services.AddSingleton<IDialogAction, FollowUp.LookupShowAction>();
        services.AddSingleton<IDialogAction, FollowUp.MyCasesAction>();
        services.AddSingleton<IDialogAction, FollowUp.SupplementCollectAction>();
        services.AddSingleton<IDialogAction, FollowUp.SupplementSubmitAction>();
        services.AddSingleton<IDialogAction, FollowUp.RebutSubmitAction>();
        services.AddSingleton<IDialogAction, FollowUp.RateSubmitAction>();
        services.AddSingleton<IDialogAction, FollowUp.WithdrawSubmitAction>();
        foreach (var purpose in FollowUp.CaseButtons.DialogFor.Keys)
        {
            services.AddSingleton<IDialogAction>(sp => new FollowUp.PickCaseAction(purpose, sp.GetRequiredService<Intake.ICitizenCaseDesk>()));
            services.AddSingleton<IChoiceSource>(sp => new FollowUp.CitizenCaseChoices(purpose, sp.GetRequiredService<Intake.ICitizenCaseDesk>()));
        }

        services.AddSingleton<IDialogRouter, FollowUp.CaseShortcutRouter>();
        // In this order: a tapped case button, then a menu item named exactly, then a pending supplement request (its
        // notice names the code, so an answer may quote it), then a tracking code.
        services.AddSingleton<IDialogRouter, FollowUp.MenuShortcutRouter>();
        services.AddSingleton<IDialogRouter, FollowUp.PendingSupplementRouter>();
        services.AddSingleton<IDialogRouter, FollowUp.CaseCodeRouter>();
    }

    private static void AddPipeline(IServiceCollection services)
    {
        services.AddSingleton<TurnErrorMiddleware>();
        services.AddSingleton<TurnLoggingMiddleware>();
        services.AddSingleton<DuplicateActivityMiddleware>();
        services.AddSingleton<ConversationLockMiddleware>();
        services.AddSingleton<CitizenBarMiddleware>();
        services.AddSingleton<RateLimitMiddleware>();

        // Order matters: errors outermost so nothing goes silent; duplicates dropped before waiting for the lock;
        // barred and flooding citizens checked inside the lock so their notices stay in order.
        services.AddSingleton(sp => new MiddlewareSet(
        [
            sp.GetRequiredService<TurnErrorMiddleware>(),
            sp.GetRequiredService<TurnLoggingMiddleware>(),
            sp.GetRequiredService<DuplicateActivityMiddleware>(),
            sp.GetRequiredService<ConversationLockMiddleware>(),
            sp.GetRequiredService<CitizenBarMiddleware>(),
            sp.GetRequiredService<RateLimitMiddleware>(),
        ]));
        services.AddSingleton<ActivityProcessor>();
    }

    /// <summary>Loads the dialogs at start so a broken file stops the host with its file and line.</summary>
    private sealed class DialogDefinitionsCheck(DialogSet dialogs, ILogger<DialogDefinitionsCheck> logger) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Dialogs loaded; root dialog present: {HasRoot}", dialogs.Contains(DialogBot.RootDialogId));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
