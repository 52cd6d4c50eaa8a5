using StackExchange.Redis;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>The real Redis the test script starts; every test class gets its own key prefix.</summary>
public sealed class TestRedis : IDisposable
{
    public TestRedis()
    {
        var configuration = Environment.GetEnvironmentVariable("PHANHOI_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException("PHANHOI_TEST_REDIS is not set: run scripts/test.sh (it starts Redis and exports it).");
        }

        Connection = ConnectionMultiplexer.Connect(configuration);
        Prefix = $"test:{Guid.NewGuid():N}:";
    }

    public IConnectionMultiplexer Connection { get; }

    public string Prefix { get; }

    public void Dispose()
    {
        var server = Connection.GetServers()[0];
        foreach (var key in server.Keys(pattern: Prefix + "*"))
        {
            Connection.GetDatabase().KeyDelete(key);
        }

        Connection.Dispose();
    }
}
