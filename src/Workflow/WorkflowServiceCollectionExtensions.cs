using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhanHoi.Bot.Workflow.Calendar;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Desk;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Sla;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Calendar, storage (PostgreSQL or SQLite), the case desk, the outbox dispatcher, window reminders and the SLA worker.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddWorkingCalendar(configuration);
        services.AddWorkflowStorage(configuration);

        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WindowReminderOptions>().BindConfiguration(WindowReminderOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0 && o.Margin >= TimeSpan.Zero, "Reminders: Interval and BatchSize must be positive, Margin not negative.")
            .Validate(o => o.Channels.Values.All(c => c.Lead < c.Window), "Reminders: each channel's Lead must be shorter than its Window.")
            .ValidateOnStart();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<CaseWorkflow>();
        services.AddSingleton<ReferenceChecker>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton<INoticeSender, HoldingNoticeSender>();
        services.AddSingleton<ChannelRecovery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<HeldNoticeReleases>();
        services.AddHostedService(sp => sp.GetRequiredService<HeldNoticeReleases>());
        services.AddSingleton<WindowReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<WindowReminders>());
        services.AddSingleton<SlaSweep>();
        services.AddHostedService<SlaWorker>();
        services.AddSingleton<DeadlineRecomputation>();
        services.AddHostedService<CalendarChangeWatcher>();
        return services;
    }
}
