using PhanHoi.Bot.Api.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;

namespace PhanHoi.Bot.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from configuration (section <c>Serilog</c>), masking personal data if it slips into an object. Serilog
    /// writes the console, so the framework's console provider goes (every line was written twice); its other
    /// providers (EventSource, which diagnostics tools read) and any added later (a test's log capture) still receive
    /// every event. The logger is this host's own, never Serilog's static <c>Log.Logger</c>: with the static one, several
    /// hosts in one process (the test suite) wrote each other's events, and the first host stopped silenced the rest.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            builder.Services.Remove(console);
        }

        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .Destructure.With<PersonalDataDestructuringPolicy>()
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true,
            writeToProviders: true);
        CacheLoggers(builder.Services);
        return builder;
    }

    /// <summary>Wraps the factory <c>AddSerilog</c> registered in <see cref="CachedLoggerFactory"/>.</summary>
    private static void CacheLoggers(IServiceCollection services)
    {
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        var create = serilog.ImplementationFactory
            ?? throw new InvalidOperationException("AddSerilog is expected to register its logger factory with a factory method.");
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(provider => new CachedLoggerFactory((ILoggerFactory)create(provider)));
    }
}
