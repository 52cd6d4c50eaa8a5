using PhanHoi.Bot.Api.Logging;
using Serilog;

namespace PhanHoi.Bot.Api.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog from configuration (section <c>Serilog</c>), masking personal data if it slips into an object.</summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .Destructure.With<PersonalDataDestructuringPolicy>()
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            writeToProviders: true);
        return builder;
    }
}
