using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.State;

/// <summary>
/// A typed slice of state (conversation or user) over <see cref="IBotStateStore"/>: load at the start of a turn,
/// save at the end; unchanged state is not written. With a <see cref="IStateProtection{T}"/>, secrets are
/// encrypted in the stored bytes and clear only in the loaded value.
/// </summary>
public sealed class BotState<T>(
    IBotStateStore store,
    Func<Activity, string> keyOf,
    JsonTypeInfo<T> typeInfo,
    TimeSpan ttl,
    IStateProtection<T>? protection = null)
    where T : class, new()
{
    public Task<StateHandle<T>> LoadAsync(Activity activity, CancellationToken cancellationToken) =>
        LoadAsync(keyOf(activity), cancellationToken);

    /// <summary>State by its key, outside a turn (e.g. when a notice is delivered to the citizen).</summary>
    public async Task<StateHandle<T>> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(key, cancellationToken);
        if (entry is null)
        {
            return new StateHandle<T>(key, new T(), StateETags.Absent, null);
        }

        var value = JsonSerializer.Deserialize(entry.Value, typeInfo) ?? new T();
        var handle = new StateHandle<T>(key, value, entry.ETag, entry.Value);
        protection?.Unprotect(value, handle.Known);
        return handle;
    }

    public async Task SaveAsync(StateHandle<T> handle, CancellationToken cancellationToken)
    {
        var bytes = Serialize(handle);
        if (handle.Stored is not null && bytes.AsSpan().SequenceEqual(handle.Stored))
        {
            return;
        }

        handle.ETag = await store.SetAsync(handle.Key, bytes, handle.ETag, ttl, cancellationToken);
        handle.Stored = bytes;
    }

    public async Task DeleteAsync(StateHandle<T> handle, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(handle.Key, handle.ETag, cancellationToken);
        handle.Value = new T();
        handle.ETag = StateETags.Absent;
        handle.Stored = null;
    }

    private byte[] Serialize(StateHandle<T> handle)
    {
        if (protection is null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(handle.Value, typeInfo);
        }

        protection.Protect(handle.Value, handle.Known);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(handle.Value, typeInfo);
        }
        finally
        {
            protection.Unprotect(handle.Value, handle.Known);
        }
    }
}

/// <summary>State loaded for one turn, with the version it was read at.</summary>
public sealed class StateHandle<T>(string key, T value, string etag, byte[]? stored)
{
    public string Key { get; } = key;

    public T Value { get; set; } = value;

    public string ETag { get; internal set; } = etag;

    internal byte[]? Stored { get; set; } = stored;

    /// <summary>The secrets this turn sealed or opened (see <see cref="IStateProtection{T}"/>).</summary>
    internal KnownSecrets Known { get; } = new();
}
