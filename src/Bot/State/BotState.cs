using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.State;

/// <summary>
/// A typed slice of state (conversation or user) over <see cref="IBotStateStore"/>: load at the start of a turn,
/// save at the end; unchanged state is not written.
/// </summary>
public sealed class BotState<T>(IBotStateStore store, Func<Activity, string> keyOf, JsonTypeInfo<T> typeInfo, TimeSpan ttl)
    where T : class, new()
{
    public async Task<StateHandle<T>> LoadAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = keyOf(activity);
        var entry = await store.GetAsync(key, cancellationToken);
        if (entry is null)
        {
            return new StateHandle<T>(key, new T(), StateETags.Absent, null);
        }

        var value = JsonSerializer.Deserialize(entry.Value, typeInfo) ?? new T();
        return new StateHandle<T>(key, value, entry.ETag, entry.Value);
    }

    public async Task SaveAsync(StateHandle<T> handle, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(handle.Value, typeInfo);
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
}

/// <summary>State loaded for one turn, with the version it was read at.</summary>
public sealed class StateHandle<T>(string key, T value, string etag, byte[]? stored)
{
    public string Key { get; } = key;

    public T Value { get; set; } = value;

    public string ETag { get; internal set; } = etag;

    internal byte[]? Stored { get; set; } = stored;
}
