using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Credentials;
using PhanHoi.Bot.Workflow.Directory;
using PhanHoi.Bot.Workflow.Files;
using PhanHoi.Bot.Workflow.Inbox;
using PhanHoi.Bot.Workflow.Outbox;
using PhanHoi.Bot.Workflow.Privacy;
using PhanHoi.Bot.Workflow.Statistics;

namespace PhanHoi.Bot.Workflow.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The store (PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else SQLite), every repository, the personal
    /// data protector, and four hosted services placed before all others: the migrations, the personal data key check,
    /// the demo seeder, then the phone lookup keys of cases written before they existed.
    /// </summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(sp => StoreLocation.From(configuration, sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<StoreLocation>().Open());

        services.AddSingleton<IConfigureOptions<PersonalDataKeyOptions>>(
            sp => new PersonalDataKeySetup(configuration, sp.GetRequiredService<StoreLocation>()));
        services.AddOptions<PersonalDataKeyOptions>().ValidateOnStart();
        services.TryAddSingleton<IPersonalDataProtector, AesGcmPersonalDataProtector>();

        services.TryAddSingleton<ICaseRepository, SqlCaseRepository>();
        services.TryAddSingleton<IOutboxStore, SqlOutboxStore>();
        services.TryAddSingleton<IChatWindowStore, SqlChatWindowStore>();
        services.TryAddSingleton<IInboxStore, SqlInboxStore>();
        services.TryAddSingleton<IFileStore, SqlFileStore>();
        services.TryAddSingleton<ICredentialStore, SqlCredentialStore>();
        services.TryAddSingleton<SqlDirectoryRepository>();
        services.TryAddSingleton<IDirectoryRepository>(sp => new CategoryCache(
            sp.GetRequiredService<SqlDirectoryRepository>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IStaffUserRepository, SqlStaffUserRepository>();
        services.TryAddSingleton<SqlCitizenAccountRepository>();
        services.TryAddSingleton(sp => new BarredCitizensCache(
            sp.GetRequiredService<SqlCitizenAccountRepository>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<ICitizenAccountRepository>(sp => sp.GetRequiredService<BarredCitizensCache>());
        services.TryAddSingleton<ICitizenBarList>(sp => sp.GetRequiredService<BarredCitizensCache>());
        services.TryAddSingleton<IStatisticsQuery, SqlStatisticsQuery>();

        // Hosted services start in registration order: tables first, the key check, then the demo directory, then everyone else.
        var hosted = services.Select((d, i) => (d, i)).Where(x => x.d.ServiceType == typeof(IHostedService)).Select(x => x.i).DefaultIfEmpty(services.Count).First();
        services.Insert(hosted, ServiceDescriptor.Singleton<IHostedService, PhoneKeyBackfill>());
        services.Insert(hosted, ServiceDescriptor.Singleton<IHostedService, DemoDataSeeder>());
        services.Insert(hosted, ServiceDescriptor.Singleton<IHostedService>(sp => new PersonalDataKeyCheck(
            sp.GetRequiredService<ICredentialStore>(),
            sp.GetRequiredService<StoreDatabase>(),
            sp.GetRequiredService<IPersonalDataProtector>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<PersonalDataKeyCheck>>())));
        services.Insert(hosted, ServiceDescriptor.Singleton<IHostedService, MigrationRunner>());
        return services;
    }
}
