namespace PhanHoi.Bot.Channels.DirectLine;

/// <summary>Names this channel uses on the wire and in citizen addresses.</summary>
public static class DirectLineChannel
{
    /// <summary>The <c>channelId</c> of every activity and the channel of the citizen address <c>webchat:{userId}</c>.</summary>
    public const string ChannelId = "webchat";

    /// <summary>Prefix of user ids we assign; Web Chat reserves it for ids embedded in the Direct Line token.</summary>
    public const string UserIdPrefix = "dl_";

    public const string BasePath = "/v3/directline";
}
