using Microsoft.Extensions.Logging;
using PhanHoi.Bot.Api.Tests.Infrastructure;
using PhanHoi.Bot.Api.Webhooks;
using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Tests.Webhooks;

/// <summary><c>Inbox:Store=Redis</c> at start: refused without Redis, and a warning when Redis would not keep the inbox.</summary>
public sealed class RedisInboxSetupTests
{
    [Fact]
    public async Task The_Redis_inbox_without_a_Redis_connection_refuses_to_start_and_says_why()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiHost.StartAsync(Store.Sqlite, extra: new Dictionary<string, string?> { ["Inbox:Store"] = "Redis" }));

        Assert.Contains("ConnectionStrings:Redis", Innermost(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_up_check_warns_exactly_when_Redis_persistence_is_off()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis + ",allowAdmin=true");
        var appendOnly = (await admin.GetServers()[0].ConfigGetAsync("appendonly")).Single().Value;
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

        using var check = new RedisInboxDurabilityCheck(redis, loggers.CreateLogger<RedisInboxDurabilityCheck>());
        await check.StartAsync(CancellationToken.None);
        await check.ExecuteTask!;

        var warned = logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("appendonly no", StringComparison.Ordinal));
        Assert.Equal(appendOnly == "no", warned);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("could not be read", StringComparison.Ordinal));
    }

    private static Exception Innermost(Exception failure) => failure.InnerException is { } inner ? Innermost(inner) : failure;
}
