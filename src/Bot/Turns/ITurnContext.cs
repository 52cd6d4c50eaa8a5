using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Turns;

/// <summary>One incoming activity being handled: what came in, what we sent back, and per-turn services.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    TurnState TurnState { get; }

    /// <summary>True once anything has been sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>True when the sender only collects the replies for delivery after the turn (<see cref="IDeferredActivitySender"/>).</summary>
    bool RepliesDeferred { get; }

    /// <summary>What this turn has sent so far, in order.</summary>
    IReadOnlyList<Activity> Sent { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
