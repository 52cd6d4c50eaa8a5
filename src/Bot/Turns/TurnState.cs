namespace PhanHoi.Bot.Turns;

/// <summary>A bag for things that live exactly one turn (loaded state, recognised intents).</summary>
public sealed class TurnState
{
    private readonly Dictionary<string, object> _items = new(StringComparer.Ordinal);

    public T? Get<T>(string key) where T : class => _items.TryGetValue(key, out var value) ? value as T : null;

    public T? Get<T>() where T : class => Get<T>(typeof(T).FullName!);

    public void Set<T>(string key, T value) where T : class => _items[key] = value;

    public void Set<T>(T value) where T : class => Set(typeof(T).FullName!, value);

    public bool Remove(string key) => _items.Remove(key);
}
