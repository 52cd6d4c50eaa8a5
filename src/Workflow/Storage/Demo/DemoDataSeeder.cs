using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// With <c>Demo:Seed</c> true, adds the demo agencies and categories that are missing (safe to run at every start).
/// Runs right after the migrations and before anything that needs the directory (e.g. the staff account seeder).
/// </summary>
public sealed partial class DemoDataSeeder(IDirectoryRepository directory, IConfiguration configuration, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }

        var added = 0;
        foreach (var agency in DemoDirectory.Agencies)
        {
            added += await directory.AddAgencyAsync(agency, cancellationToken) ? 1 : 0;
        }

        foreach (var category in DemoDirectory.Categories)
        {
            added += await directory.AddCategoryAsync(category, cancellationToken) ? 1 : 0;
        }

        if (added > 0)
        {
            LogSeeded(logger, added);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Demo data: added {Count} agencies and categories")]
    private static partial void LogSeeded(ILogger logger, int count);
}
