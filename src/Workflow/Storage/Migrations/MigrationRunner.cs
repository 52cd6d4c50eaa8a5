using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// Migrates the store when the host starts. Registered as the first hosted service, so every later one (seeders,
/// the outbox dispatcher, the SLA worker) finds its tables.
/// </summary>
public sealed partial class MigrationRunner(StoreDatabase database, ILogger<MigrationRunner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await Migrator.MigrateAsync(database, cancellationToken);
        foreach (var script in applied)
        {
            LogApplied(logger, database.Dialect.MigrationsFolder, script.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Store ({Engine}): applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string engine, string migration);
}
