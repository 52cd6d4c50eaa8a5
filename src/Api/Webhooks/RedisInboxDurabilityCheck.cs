using StackExchange.Redis;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// With <c>Inbox:Store=Redis</c>, looks once at start whether Redis keeps what it is told across a restart
/// (<c>appendonly yes</c>) and does not evict keys when full; if not, warns that acknowledged webhook events could be lost.
/// A managed Redis that refuses <c>CONFIG</c> is asked through <c>INFO persistence</c>; when neither answers, nothing
/// is claimed.
/// </summary>
public sealed partial class RedisInboxDurabilityCheck(IConnectionMultiplexer redis, ILogger<RedisInboxDurabilityCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var db = redis.GetDatabase();
            if (await ConfigGetOrNullAsync(db, "maxmemory-policy") is { } policy && policy.StartsWith("allkeys-", StringComparison.Ordinal))
            {
                LogEvicting(logger, policy);
            }

            var (appendOnly, fsync) = await ReadAsync(db);
            if (appendOnly is false)
            {
                LogNoPersistence(logger);
            }
            else if (fsync == "no")
            {
                LogLazyFsync(logger);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogUnknown(logger, ex.GetType().Name);
        }
    }

    /// <summary>Whether AOF is on (null when Redis would not say) and the <c>appendfsync</c> policy when known.</summary>
    private static async Task<(bool? AppendOnly, string? Fsync)> ReadAsync(IDatabase db)
    {
        if (await ConfigGetOrNullAsync(db, "appendonly") is { } appendOnly)
        {
            return (appendOnly == "yes", await ConfigGetOrNullAsync(db, "appendfsync"));
        }

        // CONFIG refused (managed Redis, or the client not in admin mode): INFO persistence still says whether AOF is on.
        var info = (string?)await db.ExecuteAsync("INFO", "persistence") ?? string.Empty;
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith("aof_enabled:", StringComparison.Ordinal))
            {
                return (line.Trim().EndsWith(":1", StringComparison.Ordinal), null);
            }
        }

        return (null, null);
    }

    private static async Task<string?> ConfigGetOrNullAsync(IDatabase db, string name)
    {
        try
        {
            return await ConfigGetAsync(db, name);
        }
        catch (Exception ex) when (ex is RedisServerException or RedisCommandException)
        {
            return null;
        }
    }

    private static async Task<string?> ConfigGetAsync(IDatabase db, string name)
    {
        var reply = await db.ExecuteAsync("CONFIG", "GET", name);
        if (reply.Resp2Type == ResultType.Array && reply.Length >= 2)
        {
            return (string?)reply[1];
        }

        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Inbox:Store is Redis but Redis persistence is off (appendonly no): webhook events already acknowledged to the platforms are lost if Redis restarts. Set appendonly yes (README)")]
    private static partial void LogNoPersistence(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Inbox:Store is Redis with appendfsync no: the operating system decides when the AOF reaches the disk, so a machine crash can lose acknowledged webhook events. Use appendfsync everysec or always (README)")]
    private static partial void LogLazyFsync(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Inbox:Store is Redis with maxmemory-policy {Policy}: when Redis is full it may evict unprocessed webhook events. Use noeviction (README)")]
    private static partial void LogEvicting(ILogger logger, string policy);

    [LoggerMessage(LogLevel.Information, "Inbox:Store is Redis; whether Redis persists the inbox could not be read ({Failure})")]
    private static partial void LogUnknown(ILogger logger, string failure);
}
