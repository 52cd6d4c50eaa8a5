using PhanHoi.Bot.Api.Logging;
using Serilog;

namespace PhanHoi.Bot.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from configuration (section <c>Serilog</c>), masking personal data if it slips into an object. Serilog
    /// writes the console; the framework's own console provider goes, or every line was written twice. Providers
    /// added later (a test's log capture) still receive every event.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .Destructure.With<PersonalDataDestructuringPolicy>()
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            writeToProviders: true);
        CacheLoggers(builder.Services);
        return builder;
    }

    /// <summary>Wraps the registered factory (Serilog's) in <see cref="CachedLoggerFactory"/>.</summary>
    private static void CacheLoggers(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachedLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
    }
}
