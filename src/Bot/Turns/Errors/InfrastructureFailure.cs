using System.Data.Common;
using System.Net.Sockets;
using StackExchange.Redis;

namespace PhanHoi.Bot.Turns.Errors;

/// <summary>
/// A failure of what the bot stands on (the database restarting, Redis unreachable, a socket cut) rather than of the
/// turn itself: trying the same message again a moment later succeeds.
/// </summary>
public static class InfrastructureFailure
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        DbException db => db.IsTransient || db.InnerException is IOException or SocketException or TimeoutException,
        RedisConnectionException or RedisTimeoutException => true,
        SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
