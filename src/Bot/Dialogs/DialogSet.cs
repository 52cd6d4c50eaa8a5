namespace PhanHoi.Bot.Dialogs;

/// <summary>The dialogs a bot knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, IDialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(IDialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"Dialog '{dialog.Id}' is defined twice.");
        }

        return this;
    }

    public bool Contains(string id) => _dialogs.ContainsKey(id);

    public IDialog Get(string id) =>
        _dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}'.");
}
