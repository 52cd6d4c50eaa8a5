using System.Text.Json;
using PhanHoi.Bot.Activities;
using PhanHoi.Bot.State;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>
/// Where each citizen last wrote from over <c>/api/messages</c> (service URL, conversation), kept in the bot's state
/// store so case notices can be written into that conversation later. Written only when it changes (or half its
/// time to live has passed).
/// </summary>
public sealed class BotFrameworkReferences(IBotStateStore store, BotOptions options, TimeProvider time)
{
    private readonly WrittenReferences _written = new(time, options.StateTtl / 2);

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelId is not { Length: > 0 } channel || activity.From?.Id is not { Length: > 0 } user)
        {
            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(reference, ActivityJsonContext.Default.ConversationReference);
        var key = Key(new CitizenAddress(channel, user));
        if (_written.IsCurrent(key, json))
        {
            return;
        }

        await store.SetAsync(key, json, StateETags.Any, options.StateTtl, cancellationToken);
        _written.Record(key, json);
    }

    public async Task<ConversationReference?> FindAsync(CitizenAddress citizen, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(citizen), cancellationToken) is { } entry
            ? JsonSerializer.Deserialize(entry.Value, ActivityJsonContext.Default.ConversationReference)
            : null;

    private static string Key(CitizenAddress citizen) => $"{citizen.Channel}/botframework-refs/{citizen.UserId}";
}
