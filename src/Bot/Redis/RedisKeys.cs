using StackExchange.Redis;

namespace PhanHoi.Bot.Redis;

/// <summary>Builds the Redis keys of one deployment under its configured prefix.</summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey For(string area, string key) => $"{Prefix}{area}:{key}";
}
