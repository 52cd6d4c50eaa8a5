using System.Data.Common;
using System.Net.Sockets;
using PhanHoi.Bot.State;
using StackExchange.Redis;

namespace PhanHoi.Bot.Turns.Errors;

/// <summary>
/// A failure of what the bot stands on (the database restarting, Redis unreachable, a socket cut) rather than of the
/// turn itself: trying the same message again a moment later succeeds. So does a state write that lost to another
/// writer (its ETag no longer matched): the message run again reads the newer state.
/// </summary>
public static class InfrastructureFailure
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        DbException db => db.IsTransient || IsUnavailable(db.SqlState) || db.InnerException is IOException or SocketException or TimeoutException,
        RedisConnectionException or RedisTimeoutException => true,
        StateConflictException => true,
        SocketException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>SQLSTATE classes 08 (connection), 53 (insufficient resources) and 57P (the server shutting down or starting).</summary>
    private static bool IsUnavailable(string? sqlState) =>
        sqlState is { Length: 5 } && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal));
}
