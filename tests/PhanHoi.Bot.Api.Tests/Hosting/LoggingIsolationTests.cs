using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Api.Tests.Infrastructure;

namespace PhanHoi.Bot.Api.Tests.Hosting;

/// <summary>
/// Each host logs through its own Serilog logger. Through Serilog's static logger, two hosts in one process (as in this
/// suite) received each other's events, and the first host stopped silenced the other: a test asserting that no
/// personal datum was logged could then pass on logs it never received.
/// </summary>
public sealed class LoggingIsolationTests
{
    [Fact]
    public async Task A_host_receives_its_own_events_only_and_keeps_logging_after_another_host_stops()
    {
        using var first = await ApiHost.StartAsync(Store.Sqlite);
        var second = await ApiHost.StartAsync(Store.Sqlite);

        var before = Marker();
        Log(first, before);
        Assert.Contains(first.Logs.Lines, l => l.Contains(before, StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Lines, l => l.Contains(before, StringComparison.Ordinal));

        second.Dispose();
        var after = Marker();
        Log(first, after);
        Assert.Contains(first.Logs.Lines, l => l.Contains(after, StringComparison.Ordinal));
    }

    private static string Marker() => "marker-" + Guid.NewGuid().ToString("N");

    private static void Log(ApiHost host, string marker) =>
        host.Services.GetRequiredService<ILogger<LoggingIsolationTests>>().LogInformation("Isolation {Marker}", marker);
}
