using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>The default turn: fills in the address of every outgoing activity from the incoming one.</summary>
public sealed class TurnContext(Activity activity, IActivitySender sender) : ITurnContext
{
    private readonly List<Activity> _sent = [];
    private int _responded;

    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    public TurnState TurnState { get; } = new();

    public bool Responded => Volatile.Read(ref _responded) == 1;

    public bool RepliesDeferred => sender is IDeferredActivitySender;

    public IReadOnlyList<Activity> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Count > 0 ? responses[0] : new ResourceResponse(string.Empty);
    }

    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var reference = Activity.GetConversationReference();
        foreach (var outgoing in activities)
        {
            Address(outgoing, reference);
        }

        var responses = await sender.SendActivitiesAsync(this, activities, cancellationToken);
        lock (_sent)
        {
            _sent.AddRange(activities);
        }

        if (activities.Any(a => !a.IsType(ActivityTypes.Trace)))
        {
            Interlocked.Exchange(ref _responded, 1);
        }

        return responses;
    }

    private static void Address(Activity outgoing, ConversationReference reference)
    {
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.ChannelId ??= reference.ChannelId;
        outgoing.ServiceUrl ??= reference.ServiceUrl;
        outgoing.Conversation ??= reference.Conversation;
        outgoing.From ??= reference.Bot;
        outgoing.Recipient ??= reference.User;
        outgoing.Locale ??= reference.Locale;
        outgoing.ReplyToId ??= reference.ActivityId;
    }
}
