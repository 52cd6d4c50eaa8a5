using PhanHoi.Bot.Activities;

namespace PhanHoi.Bot.Tests.Support;

/// <summary>Builds incoming activities as a channel adapter would.</summary>
public static class Messages
{
    private static int _sequence;

    public static Activity From(string user, string? text, string channel = "webchat") => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{user}-{Interlocked.Increment(ref _sequence)}",
        ChannelId = channel,
        ServiceUrl = "https://webchat.internal/",
        From = new ChannelAccount { Id = user, Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = "conv-" + user },
        Text = text,
    };

    public static Activity WithAttachment(string user, string url)
    {
        var activity = From(user, null);
        activity.Attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = url, Name = "anh.jpg" }];
        return activity;
    }

    public static Activity WithLocation(string user, double latitude, double longitude)
    {
        var activity = From(user, null);
        activity.Entities = [Entity.FromGeoCoordinates(new GeoCoordinates(latitude, longitude))];
        return activity;
    }
}
