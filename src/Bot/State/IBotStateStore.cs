namespace PhanHoi.Bot.State;

/// <summary>A stored value and the version it was read at.</summary>
public sealed record StateEntry(byte[] Value, string ETag);

/// <summary>
/// Key → JSON bytes with optimistic concurrency and expiry. The expected ETag of a write is
/// <see cref="StateETags.Any"/> (overwrite), <see cref="StateETags.Absent"/> (create only) or the ETag last read.
/// </summary>
public interface IBotStateStore
{
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes and returns the new ETag; throws <see cref="StateConflictException"/> when the ETag is stale.</summary>
    Task<string> SetAsync(string key, byte[] value, string expectedETag, TimeSpan? ttl, CancellationToken cancellationToken);

    /// <summary>False when there was nothing to delete; throws <see cref="StateConflictException"/> when the ETag is stale.</summary>
    Task<bool> DeleteAsync(string key, string expectedETag, CancellationToken cancellationToken);
}

public static class StateETags
{
    public const string Any = "*";
    public const string Absent = "";
}

/// <summary>Someone else wrote the state since it was read (another turn, another instance).</summary>
public sealed class StateConflictException(string message) : InvalidOperationException(message);
