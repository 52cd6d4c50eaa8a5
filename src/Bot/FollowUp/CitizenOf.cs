using PhanHoi.Bot.Activities;
using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.FollowUp;

/// <summary>The chat address a message came from: the identity a citizen acts under (<see cref="Actor.Citizen"/>).</summary>
public static class CitizenOf
{
    public static CitizenAddress? Activity(Activity activity) =>
        activity.ChannelId is { Length: > 0 } channel && activity.From?.Id is { Length: > 0 } user ? new CitizenAddress(channel, user) : null;
}
