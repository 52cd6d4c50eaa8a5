using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Tests.State;
using PhanHoi.Bot.Turns.Dedupe;
using PhanHoi.Bot.Turns.Ordering;
using PhanHoi.Bot.Turns.RateLimiting;

namespace PhanHoi.Bot.Tests.Intake;

public sealed class RedisWiringTests(TestRedisFixture redis) : IClassFixture<TestRedisFixture>
{
    [Fact]
    public async Task Redis_connection_string_selects_the_shared_stores()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("PHANHOI_TEST_REDIS"),
                ["Bot:RedisKeyPrefix"] = redis.Redis.Prefix,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddBotCore(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisBotStateStore>(provider.GetRequiredService<IBotStateStore>());
        Assert.IsType<RedisConversationLock>(provider.GetRequiredService<IConversationLock>());
        Assert.IsType<RedisDuplicateGuard>(provider.GetRequiredService<IDuplicateGuard>());
        Assert.IsType<RedisRateLimiter>(provider.GetRequiredService<IRateLimiter>());
        await provider.GetRequiredService<IBotStateStore>().SetAsync("k", [1], StateETags.Any, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(await redis.Redis.Connection.GetDatabase().KeyExistsAsync(redis.Redis.Prefix + "state:k"));
    }
}
