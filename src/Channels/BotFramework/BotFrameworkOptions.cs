namespace PhanHoi.Bot.Channels.BotFramework;

/// <summary>Section <c>Channels:BotFramework</c>.</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "Channels:BotFramework";

    /// <summary>Empty: <c>/api/messages</c> accepts unauthenticated activities (emulator, local web chat).</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// Hosts a reply may be sent to. Without Bot Framework authentication a caller chooses the <c>serviceUrl</c>,
    /// so replies only go to these hosts (loopback by default: the emulator and local clients).
    /// </summary>
    public List<string> AllowedServiceHosts { get; set; } = ["localhost", "127.0.0.1", "::1", "[::1]"];

    /// <summary>Channel ids whose citizens get case notices through their last <c>/api/messages</c> conversation.</summary>
    public List<string> NoticeChannels { get; set; } = ["webchat", "emulator"];

    /// <summary>Largest accepted activity body.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
