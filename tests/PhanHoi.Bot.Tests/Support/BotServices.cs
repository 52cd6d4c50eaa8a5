using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.Intake;
using PhanHoi.Bot.Tests.Intake;
using PhanHoi.Bot.Tests.Turns;
using PhanHoi.Bot.Workflow.Citizens;
using PhanHoi.Bot.Workflow.Directory;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>The bot as the host wires it (AddBotCore), over fakes of what the workflow provides.</summary>
public static class BotServices
{
    public static ServiceProvider Build(FakeCaseDesk desk, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Bot:RateLimit:PermitLimit"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<ICitizenBarList>(sp => new BarredCitizensCache(new PipelineHarness.InMemoryAccounts(), TimeProvider.System));
        services.AddSingleton<IDirectoryRepository, FakeDirectory>();
        services.AddSingleton<ICitizenCaseDesk>(desk);
        services.AddSingleton<IPersonalDataProtector, AesGcmTestProtector>();
        services.AddBotCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
