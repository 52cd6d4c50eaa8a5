using System.Collections.Concurrent;
using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Where each citizen last wrote from over <c>/api/messages</c> (service URL, conversation), kept in the bot's state
/// store so case notices can be written into that conversation later. Written only when it changes.
/// </summary>
public sealed class BotFrameworkReferences(IBotStateStore store, BotOptions options)
{
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId is not { Length: > 0 } channel || activity.From?.Id is not { Length: > 0 } user)
        {
            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        var json = JsonSerializer.Serialize(reference, ActivityJsonContext.Default.ConversationReference);
        var key = Key(new CitizenAddress(channel, user));
        if (_written.TryGetValue(key, out var last) && last == json)
        {
            return;
        }

        await store.SetAsync(key, System.Text.Encoding.UTF8.GetBytes(json), StateETags.Any, options.StateTtl, cancellationToken);
        _written[key] = json;
    }

    public async Task<ConversationReference?> FindAsync(CitizenAddress citizen, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(citizen), cancellationToken) is { } entry
            ? JsonSerializer.Deserialize(entry.Value, ActivityJsonContext.Default.ConversationReference)
            : null;

    private static string Key(CitizenAddress citizen) => $"{citizen.Channel}/botframework-refs/{citizen.UserId}";
}
